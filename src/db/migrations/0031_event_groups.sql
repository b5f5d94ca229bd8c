CREATE TABLE "event_group_members" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"group_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_groupings" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"group_size" integer NOT NULL,
	"group_count" integer NOT NULL,
	"made_at" timestamp with time zone NOT NULL,
	"made_by_label" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"mailed_at" timestamp with time zone,
	"mailed_by_label" text
);
--> statement-breakpoint
ALTER TABLE "event_group_members" ADD CONSTRAINT "event_group_members_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_group_members" ADD CONSTRAINT "event_group_members_event_id_event_groupings_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event_groupings"("event_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_groupings" ADD CONSTRAINT "event_groupings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_group_members_event" ON "event_group_members" USING btree ("event_id","group_number");