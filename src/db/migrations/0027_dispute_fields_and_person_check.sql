CREATE TABLE "dispute_proofs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employment_disputes" ALTER COLUMN "employment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "person_notices" ALTER COLUMN "employment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "employment_disputes" ADD COLUMN "kind" text DEFAULT 'dienstverband' NOT NULL;--> statement-breakpoint
ALTER TABLE "employment_disputes" ADD COLUMN "fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "employment_disputes" ADD COLUMN "proof_id" uuid;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "data_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dispute_proofs" ADD CONSTRAINT "dispute_proofs_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_disputes" ADD CONSTRAINT "employment_disputes_proof_id_dispute_proofs_id_fk" FOREIGN KEY ("proof_id") REFERENCES "public"."dispute_proofs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employment_disputes_person" ON "employment_disputes" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "employment_disputes" ADD CONSTRAINT "employment_disputes_kind" CHECK ((kind = 'dienstverband' AND employment_id IS NOT NULL) OR (kind = 'persoonsgegevens' AND employment_id IS NULL));