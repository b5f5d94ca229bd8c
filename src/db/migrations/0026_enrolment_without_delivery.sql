CREATE TABLE "person_link_blocks" (
	"person_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_link_blocks_person_id_account_id_pk" PRIMARY KEY("person_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "enrolments" ALTER COLUMN "account_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "bsn_hash" text;--> statement-breakpoint
ALTER TABLE "person_link_blocks" ADD CONSTRAINT "person_link_blocks_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_link_blocks" ADD CONSTRAINT "person_link_blocks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_link_blocks" ADD CONSTRAINT "person_link_blocks_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_link_blocks_account" ON "person_link_blocks" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_bsn_hash" ON "accounts" USING btree ("bsn_hash") WHERE bsn_hash IS NOT NULL;