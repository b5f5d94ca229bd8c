-- the public register's name search (public-register.repo.ts publicNameExpression): trigrams, for enrolled persons only,
-- so the bulk insert of a delivery (persons without an account) never maintains it
CREATE INDEX "persons_public_name_trgm" ON "persons" USING gin ((translate(lower(initials || ' ' || coalesce(prefix || ' ', '') || surname || ' | ' || coalesce(first_names || ' ', '') || coalesce(prefix || ' ', '') || surname), 'àáâãäåāèéêëēėęìíîïīòóôõöøōùúûüūýÿçćčñńšśßžźł.,', 'aaaaaaaeeeeeeeiiiiiooooooouuuuuyycccnnssszzl')) gin_trgm_ops) WHERE "account_id" IS NOT NULL;
