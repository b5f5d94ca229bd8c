CREATE TABLE "board_settings" (
	"board_id" uuid PRIMARY KEY NOT NULL,
	"dispute_mail" text DEFAULT 'dagelijks' NOT NULL,
	"dispute_mail_changed_by_label" text,
	"dispute_mail_changed_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"reminder_sent_by_label" text
);
--> statement-breakpoint
CREATE TABLE "person_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"employment_id" uuid NOT NULL,
	"delivery_id" uuid,
	"board_id" uuid,
	"dispute_id" uuid,
	"mail_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employment_disputes" ADD COLUMN "board_notified_at" timestamp with time zone;--> statement-breakpoint
-- added by hand: the disputes before this migration were mailed to the board at once, so none waits for an overview
UPDATE "employment_disputes" SET "board_notified_at" = "created_at";--> statement-breakpoint
ALTER TABLE "registers" ADD COLUMN "check_reminder_first_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "registers" ADD COLUMN "check_reminder_second_days" integer DEFAULT 42 NOT NULL;--> statement-breakpoint
ALTER TABLE "board_settings" ADD CONSTRAINT "board_settings_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "person_notices_once" ON "person_notices" USING btree ("employment_id","delivery_id","kind") WHERE kind IN ('herinnering-1', 'herinnering-2', 'correctie');--> statement-breakpoint
CREATE INDEX "person_notices_person" ON "person_notices" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "person_notices_unsent" ON "person_notices" USING btree ("delivery_id") WHERE mail_id IS NULL;--> statement-breakpoint
CREATE INDEX "employment_disputes_to_notify" ON "employment_disputes" USING btree ("board_id") WHERE board_notified_at IS NULL;