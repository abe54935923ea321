-- Source priority, set by the node's administrator per party: of an object's orbit records at the same (newest)
-- epoch, the one whose originator ranks higher is the object's latest. An originator that is not a registered party
-- ranks 0. One schema for PostgreSQL and H2.
ALTER TABLE party ADD COLUMN source_priority INTEGER DEFAULT 0 NOT NULL;

-- The priority of each lane's originator (a label names one originator), copied beside it so that ranking an
-- object's lanes needs no join; kept equal to party.source_priority by every priority change.
ALTER TABLE object_label_latest ADD COLUMN source_priority INTEGER DEFAULT 0 NOT NULL;
