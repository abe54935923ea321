-- The audit log: the leaves of a Merkle tree (RFC 9162) and the signed checkpoints of it. ${text} as in V1.
-- entry is the canonical JSON that is hashed (ASCII, see docs/audit.md); the other columns copy its fields for
-- queries, and `concord audit verify` checks that they agree with it.

CREATE TABLE audit_entry (
    seq            BIGINT                   NOT NULL PRIMARY KEY,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(256)             NOT NULL,
    actor_party    VARCHAR(64),
    action         VARCHAR(32)              NOT NULL,
    subject        VARCHAR(1024)            NOT NULL,
    -- the originator party codes, each between commas (",GBR,USA,"), for "entries concerning a party"
    originators    VARCHAR(1024)            NOT NULL,
    detail         ${text}                  NOT NULL,
    entry          ${text}                  NOT NULL,
    leaf_hash      CHAR(64)                 NOT NULL
);

CREATE TABLE audit_checkpoint (
    tree_size        BIGINT                   NOT NULL PRIMARY KEY,
    root_hash        CHAR(64)                 NOT NULL,
    signed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    signature        VARCHAR(128)             NOT NULL,
    key_fingerprint  CHAR(64)                 NOT NULL
);
