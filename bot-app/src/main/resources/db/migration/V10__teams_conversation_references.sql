-- Runs unchanged on H2 (embedded default) and PostgreSQL (production profile).
-- Where the bot can post proactively in Teams: one row per personal chat, group chat, channel or team it has heard
-- from, written only from activities whose Bot Framework token was checked (the service URL receives the bot's token).
CREATE TABLE teams_conversation_reference (
    conversation_id VARCHAR(255) NOT NULL,
    service_url     VARCHAR(512) NOT NULL,
    tenant_id       VARCHAR(64),
    kind            VARCHAR(16)  NOT NULL,
    team_id         VARCHAR(255),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT teams_conversation_reference_pk PRIMARY KEY (conversation_id)
);
CREATE INDEX teams_conversation_reference_tenant ON teams_conversation_reference (tenant_id, updated_at);
