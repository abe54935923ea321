-- docs/cyber.md, Federation. Who may withdraw a copy, and a withdrawn version not coming back from a stale copy:
-- posted_at is when the originator added the version (it travels with it; NULL for versions stored before this
-- migration and for those a partner of an older version sends), received_from the peer that delivered this node's
-- copy (its ingester name; NULL for versions posted or pulled here).
ALTER TABLE cyber_object ADD COLUMN posted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cyber_object ADD COLUMN received_from VARCHAR(300);

-- The ground station an infrastructure object names with Concord's x-concord-ground-station extension (its
-- station_id), as norad_id holds the space object x-concord-space-object names (docs/cyber.md, Linked to space).
ALTER TABLE cyber_object ADD COLUMN ground_station VARCHAR(64);
CREATE INDEX ix_cyber_object_ground_station ON cyber_object (ground_station);
