CREATE TABLE "regions" (
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "regions_kind_code_pk" PRIMARY KEY("kind","code")
);
--> statement-breakpoint
DROP TABLE "organisation_search" CASCADE;--> statement-breakpoint
ALTER TABLE "boards" ADD COLUMN "provinces" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "boards" ADD COLUMN "denominations" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "boards" ADD COLUMN "open_locations" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "boards" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "provinces" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "denominations" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "location_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- region names once in the region list; a location keeps only kind → code
INSERT INTO "regions" ("kind", "code", "name")
SELECT DISTINCT ON (e.key, e.value->>'code') e.key, e.value->>'code', coalesce(e.value->>'naam', e.value->>'code')
FROM "locations" l, jsonb_each(l.regions) e
WHERE jsonb_typeof(e.value) = 'object' AND e.value->>'code' IS NOT NULL
ORDER BY e.key, e.value->>'code', l.code;--> statement-breakpoint
UPDATE "locations" SET "regions" = (
  SELECT coalesce(jsonb_object_agg(e.key, CASE WHEN jsonb_typeof(e.value) = 'object' THEN e.value->'code' ELSE e.value END), '{}')
  FROM jsonb_each("regions") e)
WHERE "regions" <> '{}';--> statement-breakpoint
-- facts and search text for a directory imported before this migration; the next import keeps them
UPDATE "schools" s SET "place" = f.place, "provinces" = f.provinces, "denominations" = f.denominations, "location_count" = f.n
FROM (SELECT l.school_id,
    (array_agg(l.place ORDER BY l.closed_at IS NOT NULL, l.code))[1] AS place,
    coalesce(array_agg(DISTINCT l.province ORDER BY l.province) FILTER (WHERE l.province IS NOT NULL), '{}') AS provinces,
    coalesce(array_agg(DISTINCT l.denomination ORDER BY l.denomination) FILTER (WHERE l.denomination IS NOT NULL), '{}') AS denominations,
    count(*)::int AS n
  FROM "locations" l GROUP BY l.school_id) f
WHERE f.school_id = s.id;--> statement-breakpoint
UPDATE "boards" b SET "provinces" = f.provinces, "denominations" = f.denominations, "open_locations" = f.n
FROM (SELECT l.board_id,
    coalesce(array_agg(DISTINCT l.province ORDER BY l.province) FILTER (WHERE l.province IS NOT NULL), '{}') AS provinces,
    coalesce(array_agg(DISTINCT l.denomination ORDER BY l.denomination) FILTER (WHERE l.denomination IS NOT NULL), '{}') AS denominations,
    count(*)::int AS n
  FROM "locations" l WHERE l.closed_at IS NULL GROUP BY l.board_id) f
WHERE f.board_id = b.id;--> statement-breakpoint
UPDATE "boards" SET "search_text" = lower("number" || ' ' || coalesce("name", ''));--> statement-breakpoint
UPDATE "schools" s SET "search_text" = lower(s.brin || ' ' || s.name || ' ' || coalesce(s.place, '') || ' ' || b.number || ' ' || coalesce(b.name, ''))
FROM "boards" b WHERE b.id = s.board_id;--> statement-breakpoint
UPDATE "locations" l SET "search_text" = lower(l.code || ' ' || l.name || ' ' || coalesce(l.place, '') || ' ' || coalesce(l.municipality_name, '') || ' ' || b.number || ' ' || coalesce(b.name, ''))
FROM "boards" b WHERE b.id = l.board_id;--> statement-breakpoint
-- The directory search reads one view over the three tables; the DUO import keeps the columns it reads.
CREATE VIEW "organisation_directory" AS
SELECT b.id, 'bestuur'::text AS kind, b.number::text AS code, coalesce(b.name, 'Bevoegd gezag ' || b.number) AS name,
  NULL::text AS place, b.provinces, b.denominations, b.id AS board_id, b.number AS board_number, b.name AS board_name,
  NULL::uuid AS school_id, false AS sole_location, b.open_locations = 0 AS closed, b.search_text
FROM "boards" b
UNION ALL
SELECT s.id, 'school', s.brin::text, s.name, s.place, s.provinces, s.denominations, b.id, b.number, b.name,
  s.id, false, s.closed_at IS NOT NULL, s.search_text
FROM "schools" s JOIN "boards" b ON b.id = s.board_id
UNION ALL
SELECT l.id, 'vestiging', l.code::text, l.name, l.place,
  CASE WHEN l.province IS NULL THEN '{}'::text[] ELSE ARRAY[l.province] END,
  CASE WHEN l.denomination IS NULL THEN '{}'::text[] ELSE ARRAY[l.denomination] END,
  b.id, b.number, b.name, l.school_id, s.location_count = 1, l.closed_at IS NOT NULL, l.search_text
FROM "locations" l JOIN "schools" s ON s.id = l.school_id JOIN "boards" b ON b.id = l.board_id;
