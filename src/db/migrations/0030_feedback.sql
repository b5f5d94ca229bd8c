CREATE TABLE "feedback_answer_topics" (
	"answer_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"tagged_by_label" text NOT NULL,
	"tagged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_answer_topics_answer_id_topic_id_pk" PRIMARY KEY("answer_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "feedback_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"event_registration_id" uuid,
	"anonymous" boolean NOT NULL,
	"rating" smallint NOT NULL,
	"valuable" text DEFAULT '' NOT NULL,
	"improve" text DEFAULT '' NOT NULL,
	"other" text DEFAULT '' NOT NULL,
	"answered_on" date NOT NULL,
	CONSTRAINT "feedback_answers_rating" CHECK ("feedback_answers"."rating" BETWEEN 1 AND 5),
	CONSTRAINT "feedback_answers_anonymous" CHECK (NOT "feedback_answers"."anonymous" OR "feedback_answers"."event_registration_id" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "feedback_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"event_registration_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "feedback_topics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_answer_topics" ADD CONSTRAINT "feedback_answer_topics_answer_id_feedback_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."feedback_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_answer_topics" ADD CONSTRAINT "feedback_answer_topics_topic_id_feedback_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."feedback_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_answers" ADD CONSTRAINT "feedback_answers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_answers" ADD CONSTRAINT "feedback_answers_event_registration_id_event_registrations_id_fk" FOREIGN KEY ("event_registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_invitations" ADD CONSTRAINT "feedback_invitations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_invitations" ADD CONSTRAINT "feedback_invitations_event_registration_id_event_registrations_id_fk" FOREIGN KEY ("event_registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_answer_topics_topic" ON "feedback_answer_topics" USING btree ("topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_answers_registration" ON "feedback_answers" USING btree ("event_registration_id");--> statement-breakpoint
CREATE INDEX "feedback_answers_event" ON "feedback_answers" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "feedback_answers_day" ON "feedback_answers" USING btree ("answered_on");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_invitations_registration" ON "feedback_invitations" USING btree ("event_registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_invitations_token" ON "feedback_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "feedback_invitations_event" ON "feedback_invitations" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_topics_name" ON "feedback_topics" USING btree (lower("name"));