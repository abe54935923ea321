-- The last sign of life of the process running a screening run: it renews heartbeat_at while the run is RUNNING, and
-- any process marks FAILED a RUNNING run whose heartbeat is too old (its process died). Runs stored before this
-- column have none, which counts as too old.
ALTER TABLE screening_run ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
