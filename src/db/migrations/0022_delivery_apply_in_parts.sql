CREATE TABLE "data_fixes" (
	"name" text PRIMARY KEY NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"result" jsonb
);
--> statement-breakpoint
DROP INDEX "person_invitations_unsent";--> statement-breakpoint
DROP INDEX "persons_birth_date";--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "applied_through_row" integer;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "apply_totals" jsonb;--> statement-breakpoint
CREATE INDEX "delivery_rows_employment_key" ON "delivery_rows" USING btree ("delivery_id","employment_key");--> statement-breakpoint
CREATE UNIQUE INDEX "person_invitations_delivery_person" ON "person_invitations" USING btree ("delivery_id","person_id");--> statement-breakpoint
CREATE INDEX "persons_birth_date_surname" ON "persons" USING btree ("birth_date",lower("surname"));