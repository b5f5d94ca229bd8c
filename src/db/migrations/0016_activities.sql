CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"provider" text,
	"started_on" date NOT NULL,
	"completed_on" date NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"primary_process" boolean DEFAULT false NOT NULL,
	"themes" text[] NOT NULL,
	"learning_goals" text,
	"reflection" text,
	"evidence_id" uuid,
	"points" integer,
	"source" text DEFAULT 'eigen' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_evidence_id_evidence_files_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_enrolment" ON "activities" USING btree ("enrolment_id","completed_on");