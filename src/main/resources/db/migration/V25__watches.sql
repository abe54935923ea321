-- Watch lists and notifications (docs/watches.md). A watch is its party's own record: the party's users list and
-- remove it, nobody else sees it. Ids are random (not a sequence), so that a party's ids say nothing of the others'.
-- One schema for PostgreSQL and H2.

CREATE TABLE watch (
    id           BIGINT                   PRIMARY KEY,
    party        VARCHAR(32)              NOT NULL,
    label_id     BIGINT                   NOT NULL REFERENCES label (id),
    norad_id     BIGINT                   NOT NULL,
    miss_m       DOUBLE PRECISION,
    pc           DOUBLE PRECISION,
    within_s     BIGINT                   NOT NULL,
    webhook      VARCHAR(2048),
    created_by   VARCHAR(128)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_watch_party ON watch (party);

-- One notification per watch, event and update of the event (the de-duplication rule is NotificationRule's).
CREATE TABLE notification (
    id                 BIGINT                   PRIMARY KEY,
    watch_id           BIGINT                   NOT NULL REFERENCES watch (id),
    party              VARCHAR(32)              NOT NULL,
    event_id           BIGINT                   NOT NULL,
    update_number      INTEGER                  NOT NULL,
    reason             VARCHAR(16)              NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    primary_norad_id   BIGINT                   NOT NULL,
    secondary_norad_id BIGINT                   NOT NULL,
    tca                TIMESTAMP WITH TIME ZONE NOT NULL,
    miss_m             DOUBLE PRECISION         NOT NULL,
    pc                 DOUBLE PRECISION,
    status             VARCHAR(16)              NOT NULL,
    next_attempt_at    TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX uq_notification_update ON notification (watch_id, event_id, update_number);
CREATE INDEX ix_notification_party ON notification (party, created_at);
CREATE INDEX ix_notification_due ON notification (status, next_attempt_at);

-- Every attempt to deliver a notification to its watch's webhook.
CREATE TABLE notification_attempt (
    notification_id BIGINT                   NOT NULL REFERENCES notification (id),
    attempt         INTEGER                  NOT NULL,
    attempted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    http_status     INTEGER,
    error           VARCHAR(1024),
    PRIMARY KEY (notification_id, attempt)
);
