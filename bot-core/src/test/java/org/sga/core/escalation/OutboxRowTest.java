package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxRowTest {

    private static final Instant DUE = Instant.parse("2026-03-02T10:15:00Z");

    @Test
    void givenRefRoleAndAttempt_thenIdempotencyKeyJoinsThem() {
        OutboxRow row = new OutboxRow("SG-1001", "safeguarding_lead", OutboxRow.INITIAL, "console", "dsl",
                "{}", "URGENT", DUE, null);

        assertThat(row.idempotencyKey()).isEqualTo("SG-1001/safeguarding_lead/initial");
    }

    @Test
    void givenSlashInRole_thenRefusedSoKeysCannotCollide() {
        assertThatThrownBy(() -> new OutboxRow("SG-1001", "lead/backup", OutboxRow.INITIAL, "console", "dsl",
                "{}", "URGENT", DUE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("role");
    }
}
