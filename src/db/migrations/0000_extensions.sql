-- pg_trgm: fuzzy, index-backed name search (PGlite loads it as an extension, Debian ships it in postgresql-contrib)
CREATE EXTENSION IF NOT EXISTS pg_trgm;
