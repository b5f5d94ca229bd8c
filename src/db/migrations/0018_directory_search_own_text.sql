-- Decision 013: a school's and a location's search text holds only their own codes and names; the
-- directory view adds their board's. A first DUO import writes about 0.7 MB less, and a renamed board
-- no longer rewrites the search text of all its schools and locations.
-- The own part is what is left when the board's text is taken off the end, as the import wrote it;
-- a row that does not end that way is left alone (the view then shows the board twice until the next import).
UPDATE "schools" s SET "search_text" = left(s.search_text, length(s.search_text) - length(b.search_text) - 1)
FROM "boards" b
WHERE b.id = s.board_id AND right(s.search_text, length(b.search_text) + 1) = ' ' || b.search_text;--> statement-breakpoint
UPDATE "locations" l SET "search_text" = left(l.search_text, length(l.search_text) - length(b.search_text) - 1)
FROM "boards" b
WHERE b.id = l.board_id AND right(l.search_text, length(b.search_text) + 1) = ' ' || b.search_text;--> statement-breakpoint
CREATE OR REPLACE VIEW "organisation_directory" AS
SELECT b.id, 'bestuur'::text AS kind, b.number::text AS code, coalesce(b.name, 'Bevoegd gezag ' || b.number) AS name,
  NULL::text AS place, b.provinces, b.denominations, b.id AS board_id, b.number AS board_number, b.name AS board_name,
  NULL::uuid AS school_id, false AS sole_location, b.open_locations = 0 AS closed, b.search_text
FROM "boards" b
UNION ALL
SELECT s.id, 'school', s.brin::text, s.name, s.place, s.provinces, s.denominations, b.id, b.number, b.name,
  s.id, false, s.closed_at IS NOT NULL, s.search_text || ' ' || b.search_text
FROM "schools" s JOIN "boards" b ON b.id = s.board_id
UNION ALL
SELECT l.id, 'vestiging', l.code::text, l.name, l.place,
  CASE WHEN l.province IS NULL THEN '{}'::text[] ELSE ARRAY[l.province] END,
  CASE WHEN l.denomination IS NULL THEN '{}'::text[] ELSE ARRAY[l.denomination] END,
  b.id, b.number, b.name, l.school_id, s.location_count = 1, l.closed_at IS NOT NULL, l.search_text || ' ' || b.search_text
FROM "locations" l JOIN "schools" s ON s.id = l.school_id JOIN "boards" b ON b.id = l.board_id;
