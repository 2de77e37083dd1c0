-- Runs unchanged on H2 (embedded default) and PostgreSQL (production profile).
-- Audit records older than their retention are purged from the start of the chain; each purge writes one checkpoint
-- in the same transaction. A checkpoint stands for the records it replaced: the range, the hash the first of them
-- linked to, the hash of the last (which the first remaining record links to), how many, when, and an HMAC-SHA256
-- signature with a key kept outside the database (SGA_AUDIT_SIGNING_KEY), so database access alone cannot forge one.
CREATE TABLE audit_checkpoint (
    first_seq       BIGINT   NOT NULL,
    last_seq        BIGINT   NOT NULL,
    first_prev_hash CHAR(64) NOT NULL,
    last_hash       CHAR(64) NOT NULL,
    record_count    BIGINT   NOT NULL,
    purged_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id          CHAR(16) NOT NULL,
    signature       CHAR(64) NOT NULL,
    CONSTRAINT audit_checkpoint_pk PRIMARY KEY (last_seq),
    CONSTRAINT audit_checkpoint_first UNIQUE (first_seq)
);

-- Purgers on several instances take turns by locking this row.
INSERT INTO store_lock (name) VALUES ('audit_purge');
