-- A screening run for a partner party (docs/screening.md, "Partners screen their own objects"): the party it was run
-- for, which only that party's readable orbit records entered and whose results are labelled to it. NULL: a run of
-- the node's own party (every run stored before this column).
ALTER TABLE screening_run ADD COLUMN for_party VARCHAR(32);
CREATE INDEX screening_run_for_party ON screening_run (for_party, status);
