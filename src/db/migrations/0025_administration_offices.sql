CREATE TABLE "administration_offices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kvk_number" varchar(8) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "office_mandates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_by" uuid,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "submitted_by_office" uuid;--> statement-breakpoint
ALTER TABLE "administration_offices" ADD CONSTRAINT "administration_offices_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_mandates" ADD CONSTRAINT "office_mandates_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_mandates" ADD CONSTRAINT "office_mandates_office_id_administration_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."administration_offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_mandates" ADD CONSTRAINT "office_mandates_granted_by_accounts_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_mandates" ADD CONSTRAINT "office_mandates_withdrawn_by_accounts_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "administration_offices_kvk" ON "administration_offices" USING btree ("kvk_number");--> statement-breakpoint
CREATE UNIQUE INDEX "office_mandates_live" ON "office_mandates" USING btree ("board_id","office_id") WHERE withdrawn_at IS NULL;--> statement-breakpoint
CREATE INDEX "office_mandates_office" ON "office_mandates" USING btree ("office_id");--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_submitted_by_office_administration_offices_id_fk" FOREIGN KEY ("submitted_by_office") REFERENCES "public"."administration_offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_office" ON "deliveries" USING btree ("submitted_by_office","created_at") WHERE "deliveries"."submitted_by_office" IS NOT NULL;