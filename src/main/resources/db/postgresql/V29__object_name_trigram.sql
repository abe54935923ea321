-- PostgreSQL only (Database adds this location for PostgreSQL; H2 keeps its name index in memory, ObjectIndex).
-- Name searches (lower(name) LIKE '%term%', list totals and lists sorted by name) read a trigram index instead of
-- every object. pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner, or any role with CREATE on it,
-- may create it. When the node's role may not, or the extension is not installed, the migration goes on without the
-- index (a warning in the server log) and name searches scan space_object as before; an administrator can add both
-- later with the two statements of docs/benchmarks.md ("Name searches").
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pg_trgm not created (%): name searches scan space_object', SQLERRM;
END
$$;

DO $$
DECLARE
    trgm_schema TEXT;
BEGIN
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NOT NULL THEN
        EXECUTE format('CREATE INDEX ix_object_name_trgm ON space_object USING gin (lower(name) %I.gin_trgm_ops)',
                       trgm_schema);
    END IF;
END
$$;
