CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"board_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"phase" text,
	"progress" integer DEFAULT 0 NOT NULL,
	"file_name" text,
	"format" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"warning_rows" integer DEFAULT 0 NOT NULL,
	"needs_confirmation" boolean DEFAULT false NOT NULL,
	"summary" jsonb,
	"rejection" text,
	"notices" jsonb,
	"apply_when_valid" boolean DEFAULT false NOT NULL,
	"channel" text NOT NULL,
	"submitted_by_account" uuid,
	"submitted_by_token" uuid,
	"submitted_by_label" text NOT NULL,
	"applied_by_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"validated_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "delivery_rows" (
	"delivery_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"outcome" text NOT NULL,
	"messages" jsonb,
	"staff_number" text,
	"bsn_sealed" text,
	"bsn_hash" text,
	"initials" text,
	"first_names" text,
	"prefix" text,
	"surname" text,
	"birth_date" date,
	"email" text,
	"school_id" uuid,
	"location_id" uuid,
	"employment_key" text,
	"function" text,
	"appointment_basis" text,
	"start_date" date,
	"end_date" date,
	"fte" numeric(6, 4),
	"mutation" text,
	CONSTRAINT "delivery_rows_delivery_id_row_number_pk" PRIMARY KEY("delivery_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "duplicate_candidates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"delivery_id" uuid,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"location_id" uuid,
	"staff_number" text NOT NULL,
	"employment_key" text NOT NULL,
	"function" text NOT NULL,
	"appointment_basis" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"fte" numeric(6, 4),
	"approval_status" text DEFAULT 'te-controleren' NOT NULL,
	"last_delivery_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"employment_id" uuid,
	"delivery_id" uuid,
	"kind" text NOT NULL,
	"changes" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"delivery_id" uuid NOT NULL,
	"email" text NOT NULL,
	"mail_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bsn_sealed" text,
	"bsn_hash" text,
	"initials" text NOT NULL,
	"first_names" text,
	"prefix" text,
	"surname" text NOT NULL,
	"birth_date" date NOT NULL,
	"email" text,
	"account_id" uuid,
	"merged_into" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_numbers" (
	"board_id" uuid NOT NULL,
	"staff_number" text NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "staff_numbers_board_id_staff_number_pk" PRIMARY KEY("board_id","staff_number")
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_submitted_by_account_accounts_id_fk" FOREIGN KEY ("submitted_by_account") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_submitted_by_token_api_tokens_id_fk" FOREIGN KEY ("submitted_by_token") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_rows" ADD CONSTRAINT "delivery_rows_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "duplicate_candidates_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "duplicate_candidates_candidate_id_persons_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "duplicate_candidates_resolved_by_accounts_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_history" ADD CONSTRAINT "person_history_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_history" ADD CONSTRAINT "person_history_employment_id_employments_id_fk" FOREIGN KEY ("employment_id") REFERENCES "public"."employments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_invitations" ADD CONSTRAINT "person_invitations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_numbers" ADD CONSTRAINT "staff_numbers_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_numbers" ADD CONSTRAINT "staff_numbers_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_board" ON "deliveries" USING btree ("board_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_candidates_pair" ON "duplicate_candidates" USING btree ("person_id","candidate_id");--> statement-breakpoint
CREATE INDEX "duplicate_candidates_status" ON "duplicate_candidates" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "employments_board_key" ON "employments" USING btree ("board_id","employment_key");--> statement-breakpoint
CREATE INDEX "employments_person_id" ON "employments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "employments_board_status" ON "employments" USING btree ("board_id","approval_status");--> statement-breakpoint
CREATE INDEX "person_history_person" ON "person_history" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "person_history_delivery" ON "person_history" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "person_invitations_unsent" ON "person_invitations" USING btree ("delivery_id") WHERE mail_id IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "persons_bsn_hash" ON "persons" USING btree ("bsn_hash") WHERE bsn_hash IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "persons_account_id" ON "persons" USING btree ("account_id") WHERE account_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "persons_birth_date_surname" ON "persons" USING btree ("birth_date",lower("surname"));--> statement-breakpoint
CREATE INDEX "staff_numbers_person_id" ON "staff_numbers" USING btree ("person_id");