CREATE TABLE "employment_disputes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"comment" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reply" text,
	"replied_by_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "person_history" ADD COLUMN "by_label" text;--> statement-breakpoint
ALTER TABLE "employment_disputes" ADD CONSTRAINT "employment_disputes_employment_id_employments_id_fk" FOREIGN KEY ("employment_id") REFERENCES "public"."employments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employment_disputes_board" ON "employment_disputes" USING btree ("board_id","status","created_at");--> statement-breakpoint
CREATE INDEX "employment_disputes_employment" ON "employment_disputes" USING btree ("employment_id");