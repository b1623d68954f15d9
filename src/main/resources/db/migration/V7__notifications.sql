-- The notification outbox: one row per event and notify: entry, written in the transaction of the
-- change that caused it and sent after commit. A row names its destination by the launch version and
-- the entry's index in that version's notify: list, never by URL or password; the secrets are
-- resolved when it is sent. A replica claims a row (claimed_by, claimed_until) before sending it, so
-- two replicas on one database never send the same row at once; claimed_by
-- stays after the try (the replica that tried it last), claimed_until is cleared.
CREATE TABLE notifications (
    id VARCHAR(36) PRIMARY KEY,
    launch_id BIGINT NOT NULL REFERENCES launches (id),
    version INT NOT NULL,
    destination INT NOT NULL,
    channel VARCHAR(20) NOT NULL,
    format VARCHAR(20) NOT NULL,
    shown VARCHAR(2000) NOT NULL,
    event_type VARCHAR(40) NOT NULL,
    event TEXT NOT NULL,
    outcome VARCHAR(10) NOT NULL,
    attempts INT NOT NULL,
    last_error VARCHAR(2000),
    next_attempt_at BIGINT NOT NULL,
    claimed_by VARCHAR(64),
    claimed_until BIGINT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);

CREATE INDEX notifications_due ON notifications (outcome, next_attempt_at);
CREATE INDEX notifications_launch ON notifications (launch_id, created_at);

-- What a launch was last told about, so that each change is told once: its decision, the evidence
-- digest a role was last asked to sign on, the day an overdue item was last reminded of.
CREATE TABLE notify_marks (
    launch_id BIGINT NOT NULL REFERENCES launches (id),
    name VARCHAR(600) NOT NULL,
    mark VARCHAR(200) NOT NULL,
    PRIMARY KEY (launch_id, name)
);
