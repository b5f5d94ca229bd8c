ALTER TABLE "deliveries" ADD COLUMN "lease_owner" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "lease_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "deliveries_lease_expires" ON "deliveries" USING btree ("lease_expires_at") WHERE "deliveries"."lease_expires_at" IS NOT NULL;