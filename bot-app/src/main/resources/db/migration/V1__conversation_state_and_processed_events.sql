-- Runs unchanged on H2 (embedded default) and PostgreSQL (production profile).
-- Times are TIMESTAMP WITH TIME ZONE, written in UTC with microsecond precision by the application.

-- What the bot remembers about each conversation between messages, so any instance can take the next one.
CREATE TABLE conversation_state (
    platform        VARCHAR(32)  NOT NULL,
    conversation_id VARCHAR(255) NOT NULL,
    user_id         VARCHAR(255) NOT NULL,
    kind            VARCHAR(64)  NOT NULL,
    body            VARCHAR      NOT NULL,
    version         BIGINT       NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversation_state_pk PRIMARY KEY (platform, conversation_id, user_id)
);
CREATE INDEX conversation_state_updated ON conversation_state (updated_at);

-- Platform events already handled (Slack event_id, Teams activity id): the primary key makes
-- "first time?" one atomic insert, whichever instance gets there first.
CREATE TABLE processed_event (
    source   VARCHAR(32)  NOT NULL,
    event_id VARCHAR(255) NOT NULL,
    seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT processed_event_pk PRIMARY KEY (source, event_id)
);
CREATE INDEX processed_event_seen ON processed_event (seen_at);
