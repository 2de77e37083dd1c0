package org.sga.app.teams;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.sga.teams.ConversationReferences;
import org.sga.teams.TeamsReference;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Teams conversation references in {@code teams_conversation_reference} (migration V10). Kept apart from conversation
 * state because state is deleted after a period of silence, while a channel the bot was added to a year ago must
 * still be reachable.
 */
final class JdbcConversationReferences implements ConversationReferences {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcConversationReferences(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    @Override
    public void save(TeamsReference r) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (update(r, now) > 0) {
            return;
        }
        try {
            jdbc.sql("""
                    INSERT INTO teams_conversation_reference
                        (conversation_id, service_url, tenant_id, kind, team_id, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(r.conversationId(), r.serviceUrl(), r.tenantId(), r.kind(), r.teamId(), now)
                    .update();
        } catch (DuplicateKeyException raced) {
            // Another instance inserted it between our update and insert: ours is as recent, so write it over.
            update(r, now);
        }
    }

    private int update(TeamsReference r, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE teams_conversation_reference
                   SET service_url = ?, tenant_id = ?, kind = ?, team_id = ?, updated_at = ?
                 WHERE conversation_id = ?""")
                .params(r.serviceUrl(), r.tenantId(), r.kind(), r.teamId(), now, r.conversationId())
                .update();
    }

    @Override
    public Optional<TeamsReference> find(String conversationId) {
        return jdbc.sql("""
                SELECT conversation_id, service_url, tenant_id, kind, team_id
                  FROM teams_conversation_reference WHERE conversation_id = ?""")
                .param(conversationId)
                .query((rs, n) -> new TeamsReference(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    @Override
    public Optional<TeamsReference> latestInTenant(String tenantId) {
        if (tenantId == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT conversation_id, service_url, tenant_id, kind, team_id
                  FROM teams_conversation_reference WHERE tenant_id = ?
                 ORDER BY updated_at DESC FETCH FIRST 1 ROWS ONLY""")
                .param(tenantId)
                .query((rs, n) -> new TeamsReference(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }
}
