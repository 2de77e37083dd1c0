-- The append-only audit trail. Each record's hash covers its fields and the previous record's hash.
CREATE TABLE audit_record (
    seq            BIGINT       NOT NULL,
    record_type    VARCHAR(64)  NOT NULL,
    escalation_ref VARCHAR(64)  NOT NULL,
    payload        VARCHAR      NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    prev_hash      CHAR(64)     NOT NULL,
    record_hash    CHAR(64)     NOT NULL,
    CONSTRAINT audit_record_pk PRIMARY KEY (seq)
);
CREATE INDEX audit_record_at ON audit_record (recorded_at);
CREATE INDEX audit_record_ref ON audit_record (escalation_ref);

-- The end of the chain. Appending locks this single row, so appends from several instances queue up
-- and each links to the one before; it also reveals records deleted from the end of the trail.
CREATE TABLE audit_head (
    id        INTEGER  NOT NULL,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    CONSTRAINT audit_head_pk PRIMARY KEY (id),
    CONSTRAINT audit_head_single CHECK (id = 1)
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
