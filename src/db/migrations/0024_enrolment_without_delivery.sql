ALTER TABLE "enrolments" ALTER COLUMN "account_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "bsn_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_bsn_hash" ON "accounts" USING btree ("bsn_hash") WHERE bsn_hash IS NOT NULL;