-- How old the element sets behind a screening were (docs/staleness.md). A run: over its window, how many element sets
-- it screened, how many were beyond the staleness limit of their orbit regime, the youngest and oldest age, and with a
-- primary its age and whether it was stale. A conjunction: each input's age at TCA and whether either was stale.
-- Ages in whole seconds; NULL for runs and conjunctions recorded before (and for conjunctions from CDMs or partners).
ALTER TABLE screening_run ADD COLUMN element_sets INTEGER;
ALTER TABLE screening_run ADD COLUMN stale_element_sets INTEGER;
ALTER TABLE screening_run ADD COLUMN youngest_element_age_s BIGINT;
ALTER TABLE screening_run ADD COLUMN oldest_element_age_s BIGINT;
ALTER TABLE screening_run ADD COLUMN primary_element_age_s BIGINT;
ALTER TABLE screening_run ADD COLUMN primary_stale BOOLEAN;
ALTER TABLE conjunction ADD COLUMN primary_element_age_s BIGINT;
ALTER TABLE conjunction ADD COLUMN secondary_element_age_s BIGINT;
ALTER TABLE conjunction ADD COLUMN stale BOOLEAN;
