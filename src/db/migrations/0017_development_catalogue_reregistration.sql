CREATE TABLE "postponements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"registration_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"ground" text NOT NULL,
	"explanation" text NOT NULL,
	"requested_until" date NOT NULL,
	"status" text NOT NULL,
	"granted_until" date,
	"decision_motivation" text,
	"decided_by_label" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reregistration_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"registration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_end" date NOT NULL,
	"mail_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "valuation_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"assessor_account_id" uuid NOT NULL,
	"assessor_label" text NOT NULL,
	"points" integer NOT NULL,
	"motivation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "valuation_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"status" text NOT NULL,
	"explanation" text NOT NULL,
	"points" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"activity_id" uuid,
	"source" text NOT NULL,
	"recorded_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offering_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"offering_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by_label" text NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offering_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"offering_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"province" text,
	"online" boolean DEFAULT false NOT NULL,
	"capacity" integer NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offerings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_kind" varchar(20) NOT NULL,
	"organisation_id" uuid NOT NULL,
	"organisation_name" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"learning_goals" text NOT NULL,
	"activity_kind" text NOT NULL,
	"format" text NOT NULL,
	"themes" text[] NOT NULL,
	"competencies" text[] DEFAULT '{}'::text[] NOT NULL,
	"study_load_hours" numeric(6, 1) NOT NULL,
	"primary_process" boolean DEFAULT false NOT NULL,
	"master" boolean DEFAULT false NOT NULL,
	"price_cents" integer NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"status" text NOT NULL,
	"assigned_to" uuid,
	"accredited_points" integer,
	"accredited_themes" text[],
	"valid_from" date,
	"valid_until" date,
	"decision_motivation" text,
	"decided_on" date,
	"submitted_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'aanbieder' NOT NULL,
	"contact_email" text NOT NULL,
	"website" text,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"professional_standard" text NOT NULL,
	"competencies" jsonb NOT NULL,
	"themes" jsonb NOT NULL,
	"note" text NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "register_versions" ADD COLUMN "renewal_rule" jsonb;--> statement-breakpoint
ALTER TABLE "registration_applications" ADD COLUMN "kind" text DEFAULT 'registratie' NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_applications" ADD COLUMN "renews_id" uuid;--> statement-breakpoint
ALTER TABLE "registration_applications" ADD COLUMN "period_start" date;--> statement-breakpoint
ALTER TABLE "registration_applications" ADD COLUMN "postponed_until" date;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "competencies" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "master" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "postponements" ADD CONSTRAINT "postponements_registration_id_registration_applications_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postponements" ADD CONSTRAINT "postponements_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reregistration_notices" ADD CONSTRAINT "reregistration_notices_registration_id_registration_applications_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_consents" ADD CONSTRAINT "development_consents_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_consents" ADD CONSTRAINT "development_consents_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuation_assessments" ADD CONSTRAINT "valuation_assessments_request_id_valuation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."valuation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuation_assessments" ADD CONSTRAINT "valuation_assessments_assessor_account_id_accounts_id_fk" FOREIGN KEY ("assessor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuation_requests" ADD CONSTRAINT "valuation_requests_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuation_requests" ADD CONSTRAINT "valuation_requests_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_run_id_offering_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."offering_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_events" ADD CONSTRAINT "offering_events_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_runs" ADD CONSTRAINT "offering_runs_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_assigned_to_accounts_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "postponements_status" ON "postponements" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "postponements_enrolment" ON "postponements" USING btree ("enrolment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reregistration_notices_once" ON "reregistration_notices" USING btree ("registration_id","kind","period_end");--> statement-breakpoint
CREATE UNIQUE INDEX "development_consents_active" ON "development_consents" USING btree ("account_id","board_id") WHERE revoked_at IS NULL;--> statement-breakpoint
CREATE INDEX "development_consents_board" ON "development_consents" USING btree ("board_id");--> statement-breakpoint
CREATE UNIQUE INDEX "valuation_assessments_request_assessor" ON "valuation_assessments" USING btree ("request_id","assessor_account_id");--> statement-breakpoint
CREATE INDEX "valuation_requests_status" ON "valuation_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "valuation_requests_open_activity" ON "valuation_requests" USING btree ("activity_id") WHERE status = 'aangevraagd';--> statement-breakpoint
CREATE UNIQUE INDEX "attendances_run_enrolment" ON "attendances" USING btree ("run_id","enrolment_id");--> statement-breakpoint
CREATE INDEX "attendances_enrolment" ON "attendances" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "offering_events_offering" ON "offering_events" USING btree ("offering_id","created_at");--> statement-breakpoint
CREATE INDEX "offering_runs_offering" ON "offering_runs" USING btree ("offering_id","starts_at");--> statement-breakpoint
CREATE INDEX "offering_runs_starts" ON "offering_runs" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "offerings_organisation" ON "offerings" USING btree ("organisation_kind","organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "offerings_status" ON "offerings" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "offerings_catalogue" ON "offerings" USING btree ("valid_until") WHERE status = 'geaccrediteerd';--> statement-breakpoint
CREATE UNIQUE INDEX "providers_name" ON "providers" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_version" ON "framework_versions" USING btree ("version");--> statement-breakpoint
-- version 1 of the reference framework: the Schoolleidersregister PO's beroepsstandaard, its five basiscompetenties and eight themes
INSERT INTO "framework_versions" ("id", "version", "professional_standard", "competencies", "themes", "note", "created_by_label") VALUES (
	'00000000-0000-4000-8000-0000000f0001', 1,
	'De beroepsstandaard voor schoolleiders in het primair onderwijs beschrijft wat een schoolleider kent en kan: vijf basiscompetenties, en professionaliseringsthema''s waarin schoolleiders zich blijven ontwikkelen.',
	'[{"code":"visiegestuurd-werken","name":"Visiegestuurd werken"},{"code":"in-relatie-staan-tot-de-omgeving","name":"In relatie staan tot de omgeving"},{"code":"werken-aan-kwaliteit","name":"Werken aan kwaliteit"},{"code":"leiding-geven-aan-verandering","name":"Leiding geven aan verandering"},{"code":"hogere-orde-denken","name":"Hogere-orde denken"}]'::jsonb,
	'[{"code":"persoonlijk-leiderschap","name":"Persoonlijk leiderschap"},{"code":"regie-en-strategie","name":"Regie & strategie"},{"code":"in-relatie-staan-tot-de-omgeving","name":"In relatie staan tot de omgeving"},{"code":"kennis-en-kwaliteitsontwikkeling","name":"Kennis- en kwaliteitsontwikkeling"},{"code":"omgaan-met-verschillen","name":"Omgaan met verschillen"},{"code":"leiding-geven-aan-verandering","name":"Leiding geven aan verandering"},{"code":"toekomstgericht-onderwijs","name":"Toekomstgericht onderwijs"},{"code":"wildcard","name":"Wildcard"}]'::jsonb,
	'De eerste versie: de beroepsstandaard, de vijf basiscompetenties en de acht professionaliseringsthema''s van het Schoolleidersregister PO.',
	'Beroepsregister Onderwijs (bureau)'
);
