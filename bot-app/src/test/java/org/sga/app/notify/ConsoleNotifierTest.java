package org.sga.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;

class ConsoleNotifierTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:15:00Z");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ConsoleNotifier notifier = new ConsoleNotifier(new PrintStream(printed, true, StandardCharsets.UTF_8));

    private static OutboxMessage message(long id, String attempt) {
        OutboxRow row = new OutboxRow("SG-1001", "safeguarding_lead", attempt, "console", "dsl-team",
                "Escalation SG-1001 (URGENT): invented concern for a test", "URGENT", T0, null);
        return new OutboxMessage(id, row, 1, "w", T0.plusSeconds(60));
    }

    @Test
    void givenMessage_thenPrintsWhoItIsForAndThePayload() throws Exception {
        DeliveryReceipt receipt = notifier.deliver(message(7, OutboxRow.INITIAL));

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("SG-1001", "safeguarding_lead", "URGENT", "dsl-team",
                "Escalation SG-1001 (URGENT): invented concern for a test");
        assertThat(receipt.platformMessageId()).isEqualTo("console-7");
    }

    @Test
    void givenSameIdempotencyKeyAgain_thenPrintedOnceAndTheSameReceiptReturned() throws Exception {
        DeliveryReceipt first = notifier.deliver(message(7, OutboxRow.INITIAL));
        int length = printed.size();

        DeliveryReceipt again = notifier.deliver(message(7, OutboxRow.INITIAL));

        assertThat(printed.size()).isEqualTo(length);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void givenBackupAttempt_thenMarkedAsBackup() throws Exception {
        notifier.deliver(message(8, OutboxRow.BACKUP));

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("(backup)");
    }
}
