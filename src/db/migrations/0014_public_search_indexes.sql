-- Public search (decision 008): the folded name stored for enrolled persons; a surname prefix is read
-- in the register's order, any other word of the name is found through trigrams.
DROP INDEX IF EXISTS "persons_public_name_trgm";
--> statement-breakpoint
ALTER TABLE "persons"
  ADD COLUMN "public_surname" text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN account_id IS NOT NULL THEN translate(lower(surname), 'àáâãäåāèéêëēėęìíîïīòóôõöøōùúûüūýÿçćčñńšśßžźł-.,', 'aaaaaaaeeeeeeeiiiiiooooooouuuuuyycccnnssszzl ') END) STORED,
  ADD COLUMN "public_words" text GENERATED ALWAYS AS (CASE WHEN account_id IS NOT NULL THEN ' ' || translate(lower(initials || ' ' || coalesce(first_names || ' ', '') || coalesce(prefix || ' ', '') || surname), 'àáâãäåāèéêëēėęìíîïīòóôõöøōùúûüūýÿçćčñńšśßžźł-.,', 'aaaaaaaeeeeeeeiiiiiooooooouuuuuyycccnnssszzl ') END) STORED,
  ADD COLUMN "public_other_words" text GENERATED ALWAYS AS (CASE WHEN account_id IS NOT NULL THEN ' ' || translate(lower(initials || ' ' || coalesce(first_names || ' ', '') || coalesce(prefix || ' ', '')), 'àáâãäåāèéêëēėęìíîïīòóôõöøōùúûüūýÿçćčñńšśßžźł-.,', 'aaaaaaaeeeeeeeiiiiiooooooouuuuuyycccnnssszzl ') || regexp_replace(translate(lower(surname), 'àáâãäåāèéêëēėęìíîïīòóôõöøōùúûüūýÿçćčñńšśßžźł-.,', 'aaaaaaaeeeeeeeiiiiiooooooouuuuuyycccnnssszzl '), '^\S*', '') END) STORED;
--> statement-breakpoint
CREATE INDEX "persons_public_surname" ON "persons" ("public_surname", "initials", "id") INCLUDE ("public_words") WHERE "account_id" IS NOT NULL AND "merged_into" IS NULL;
--> statement-breakpoint
CREATE INDEX "persons_public_other_words_trgm" ON "persons" USING gin ("public_other_words" gin_trgm_ops) WHERE "account_id" IS NOT NULL AND "merged_into" IS NULL;
