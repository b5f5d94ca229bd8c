CREATE TABLE "quality_framework_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"guarantees" jsonb NOT NULL,
	"note" text NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "quality_framework_versions_version" ON "quality_framework_versions" USING btree ("version");