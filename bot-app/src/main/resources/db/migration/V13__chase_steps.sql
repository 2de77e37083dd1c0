-- An escalation is chased in steps (the role, its backup, then rounds of both), each step an attempt kind of its own
-- ("round-3-backup") and each told to the reporter ("told-round-3-allegations_officer"): longer than 32 characters.
ALTER TABLE outbox ALTER COLUMN attempt_kind SET DATA TYPE VARCHAR(64);
ALTER TABLE ack_deadline ALTER COLUMN attempt_kind SET DATA TYPE VARCHAR(64);
