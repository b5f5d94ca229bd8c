ALTER TABLE "audit_events" ADD COLUMN "subject_person_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_events_subject_person" ON "audit_events" USING btree ("subject_person_id","at");--> statement-breakpoint
CREATE INDEX "persons_merged_into" ON "persons" USING btree ("merged_into") WHERE merged_into IS NOT NULL;