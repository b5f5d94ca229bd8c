CREATE TABLE "register_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"register_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"levels" jsonb NOT NULL,
	"cycle_years" integer NOT NULL,
	"renewal_unit" text NOT NULL,
	"renewal_minimum" integer NOT NULL,
	"fee_cents" integer DEFAULT 0 NOT NULL,
	"note" text NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registers_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "register_versions" ADD CONSTRAINT "register_versions_register_id_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."registers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "register_versions_register_version" ON "register_versions" USING btree ("register_id","version");--> statement-breakpoint
-- the two registers as they are today (domain.md section 3); register staff change them by adding a version
INSERT INTO "registers" ("id", "code", "name") VALUES
  ('0195f2a0-1000-7000-8000-000000000001', 'lerarenregister', 'Lerarenregister'),
  ('0195f2a0-1000-7000-8000-000000000002', 'schoolleidersregister-po', 'Schoolleidersregister PO');
--> statement-breakpoint
INSERT INTO "register_versions" ("id", "register_id", "version", "levels", "cycle_years", "renewal_unit", "renewal_minimum", "fee_cents", "note", "created_by_label") VALUES
  ('0195f2a0-1000-7000-8000-000000000011', '0195f2a0-1000-7000-8000-000000000001', 1,
   '[{"title": "Registerleraar", "level": "geregistreerd", "criteria": "Bevoegd leraar (benoemingsgrondslag bevoegd) met een dienstverband in het primair onderwijs"}]',
   4, 'uren', 160, 0, 'Beginsituatie: elke 4 jaar ten minste 160 registeruren, waarvan ten minste 100 op het primaire proces', 'systeem'),
  ('0195f2a0-1000-7000-8000-000000000012', '0195f2a0-1000-7000-8000-000000000002', 1,
   '[{"title": "RDO", "level": "in opleiding", "criteria": "Ingeschreven voor een opleiding tot schoolleider"},
     {"title": "RDO", "level": "niveau 1", "criteria": "Ten minste 15 ECTS basisbekwaam (leidinggeven 1)"},
     {"title": "RDO", "level": "niveau 2", "criteria": "Ten minste 30 ECTS vakbekwaam (leidinggeven 2)"},
     {"title": "RDO", "level": "master", "criteria": "Een geaccrediteerde master"}]',
   5, 'punten', 100, 0, 'Beginsituatie: ten minste 100 punten per 5 jaar; het totaal bepaalt de volgende datum', 'systeem');
