CREATE TABLE "koploper_estimate_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"model" jsonb NOT NULL,
	"note" text NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "koploper_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"koploper_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_step" smallint,
	"to_step" smallint,
	"detail" jsonb,
	"note" text,
	"by_label" text NOT NULL,
	"by_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "koploper_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"approval_threshold_percent" smallint DEFAULT 90 NOT NULL,
	"updated_by_label" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "koploper_settings_one_row" CHECK ("koploper_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "koplopers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"board_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"location_id" uuid,
	"school_name" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"teachers" integer NOT NULL,
	"delivery_method" text NOT NULL,
	"supplier_id" uuid,
	"grondslagen_mapped" boolean NOT NULL,
	"activities" text[] DEFAULT '{}' NOT NULL,
	"estimate_version" integer NOT NULL,
	"estimate" jsonb NOT NULL,
	"lang" text DEFAULT 'nl' NOT NULL,
	"step" smallint DEFAULT 1 NOT NULL,
	"step_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"owner_account_id" uuid,
	"next_date" date,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "koplopers_step_range" CHECK ("koplopers"."step" BETWEEN 1 AND 6)
);
--> statement-breakpoint
CREATE TABLE "software_suppliers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "koploper_events" ADD CONSTRAINT "koploper_events_koploper_id_koplopers_id_fk" FOREIGN KEY ("koploper_id") REFERENCES "public"."koplopers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "koploper_events" ADD CONSTRAINT "koploper_events_by_account_id_accounts_id_fk" FOREIGN KEY ("by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "koplopers" ADD CONSTRAINT "koplopers_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "koplopers" ADD CONSTRAINT "koplopers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "koplopers" ADD CONSTRAINT "koplopers_supplier_id_software_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."software_suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "koplopers" ADD CONSTRAINT "koplopers_owner_account_id_accounts_id_fk" FOREIGN KEY ("owner_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "koploper_estimate_versions_version" ON "koploper_estimate_versions" USING btree ("version");--> statement-breakpoint
CREATE INDEX "koploper_events_koploper" ON "koploper_events" USING btree ("koploper_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "koplopers_reference" ON "koplopers" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "koplopers_school" ON "koplopers" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "koplopers_step" ON "koplopers" USING btree ("step","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "software_suppliers_name" ON "software_suppliers" USING btree (lower("name"));--> statement-breakpoint
-- version 1 of the koploper estimate model (hours per factor, seed 000's four factors); drizzle-kit writes no data, so this insert is by hand
INSERT INTO "koploper_estimate_versions" ("id", "version", "model", "note", "created_by_label") VALUES (
	'00000000-0000-4000-8000-0000000c0001', 1,
	'{"baseHours":4,"perTenTeachersHours":1.5,"deliveryHours":{"invoerscherm":6,"bestand":3,"koppeling":2},"grondslagenNotMappedHours":8,"activities":[{"code":"voorlichting-voor-leraren","name":"Voorlichting voor leraren","nameEn":"Information meeting for teachers","hours":2},{"code":"begeleid-goedkeuren","name":"Begeleid goedkeuren","nameEn":"Guided approval session","hours":3},{"code":"meedenksessie","name":"Meedenksessie","nameEn":"Co-design session","hours":2}]}'::jsonb,
	'De eerste versie: een basis, uren per tien leraren, per manier van aanleveren, voor het in kaart brengen van de benoemingsgrondslagen en per optionele activiteit.',
	'Beroepsregister Onderwijs (bureau)'
);
--> statement-breakpoint
-- the pipeline's one setting row: step 6 is offered from 90% approved
INSERT INTO "koploper_settings" ("id", "approval_threshold_percent") VALUES (1, 90);
