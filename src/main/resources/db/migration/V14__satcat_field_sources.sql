-- A SATCAT entry may not know its owner (the bundled SATCAT of 2025-01 merges sources; docs/satcat.md), and says
-- per field where a merged value came from (field=source;...).
ALTER TABLE satcat_entry ALTER COLUMN owner DROP NOT NULL;
ALTER TABLE satcat_entry ADD COLUMN field_sources VARCHAR(1024);
