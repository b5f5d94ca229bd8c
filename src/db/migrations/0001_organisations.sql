CREATE TABLE "boards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" char(5) NOT NULL,
	"name" text,
	"kvk_number" varchar(8),
	"sectors" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "boards_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "duo_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"boards_file_name" text,
	"rows_read" integer NOT NULL,
	"rows_rejected" integer NOT NULL,
	"locations_added" integer NOT NULL,
	"locations_changed" integer NOT NULL,
	"locations_closed" integer NOT NULL,
	"locations_reopened" integer NOT NULL,
	"boards_added" integer NOT NULL,
	"boards_changed" integer NOT NULL,
	"schools_added" integer NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" char(6) NOT NULL,
	"school_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"name" text NOT NULL,
	"street" text,
	"house_number" text,
	"postcode" text,
	"place" text,
	"municipality_code" varchar(4),
	"municipality_name" text,
	"province" text,
	"denomination" text,
	"phone" text,
	"website" text,
	"regions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_hash" char(32) NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "organisation_search" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" varchar(10) NOT NULL,
	"code" varchar(6) NOT NULL,
	"name" text NOT NULL,
	"place" text,
	"provinces" text[] NOT NULL,
	"denominations" text[] NOT NULL,
	"board_id" uuid NOT NULL,
	"board_number" char(5) NOT NULL,
	"board_name" text,
	"school_id" uuid,
	"sole_location" boolean DEFAULT false NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brin" char(4) NOT NULL,
	"board_id" uuid NOT NULL,
	"name" text NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schools_brin_unique" UNIQUE("brin")
);
--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "locations_school_id" ON "locations" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "locations_board_id" ON "locations" USING btree ("board_id");--> statement-breakpoint
CREATE INDEX "organisation_search_code" ON "organisation_search" USING btree ("code");--> statement-breakpoint
CREATE INDEX "schools_board_id" ON "schools" USING btree ("board_id");