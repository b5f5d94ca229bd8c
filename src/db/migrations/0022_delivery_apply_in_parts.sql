DROP INDEX "person_invitations_unsent";--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "applied_through_row" integer;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "apply_totals" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "person_invitations_delivery_person" ON "person_invitations" USING btree ("delivery_id","person_id");