-- The ground track of a re-entry window (GeoJSON MultiLineString) and the states overflown (JSON), docs/reentry.md.
-- Rows stored before hold neither.
ALTER TABLE reentry ADD COLUMN ground_track ${text};
ALTER TABLE reentry ADD COLUMN overflown ${text};
