-- docs/cyber.md. A TAXII DELETE leaves a withdrawal row (deleted_at set) per version deleted, with that version's
-- label, that travels to partners through the feed and deletes their copies; it is never served as a STIX object.
ALTER TABLE cyber_object ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

-- The status resources of TAXII posts, for the party that posted, kept for 30 days. ${text} as in V1.
CREATE TABLE taxii_status (
    id                    VARCHAR(36)   PRIMARY KEY,
    party                 VARCHAR(32)   NOT NULL,
    request_timestamp     TIMESTAMP WITH TIME ZONE NOT NULL,
    status_json           ${text}       NOT NULL
);
CREATE INDEX ix_taxii_status_time ON taxii_status (request_timestamp);

-- Where each configured TAXII source (taxii.pull.N, at its URL) stands: the added_after of its next pull.
CREATE TABLE taxii_pull_position (
    source_name           VARCHAR(64)   NOT NULL,
    objects_url           VARCHAR(2048) NOT NULL,
    added_after           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source_name, objects_url)
);
