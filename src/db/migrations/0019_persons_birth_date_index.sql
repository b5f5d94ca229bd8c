DROP INDEX "persons_birth_date_surname";--> statement-breakpoint
CREATE INDEX "persons_birth_date" ON "persons" USING btree ("birth_date");