-- The label and data kind of each object's newest orbit, beside its id: a caller who may see that label gets the
-- object from space_object directly; only objects whose newest orbit it may not see need object_label_latest.
ALTER TABLE space_object ADD COLUMN latest_label_id BIGINT;
ALTER TABLE space_object ADD COLUMN latest_data_kind VARCHAR(16);
UPDATE space_object SET latest_label_id = (SELECT o.label_id FROM orbit_record o WHERE o.id = space_object.latest_orbit_id),
    latest_data_kind = (SELECT CASE WHEN o.orbit_kind = 'EPHEMERIS' THEN 'EPHEMERIDES' ELSE 'ORBITS' END
                          FROM orbit_record o WHERE o.id = space_object.latest_orbit_id);
CREATE INDEX ix_object_latest_label ON space_object (latest_label_id);
