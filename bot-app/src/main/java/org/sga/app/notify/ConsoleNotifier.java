package org.sga.app.notify;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sga.core.escalation.DeliveryException;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.OutboxMessage;

/**
 * Prints escalation notices to a stream. Printing is the delivery, not a log: nothing is logged. A notice
 * delivered again with the same idempotency key (a retry after a crash) is not printed twice.
 */
public final class ConsoleNotifier implements Notifier {

    private static final int REMEMBERED = 10_000;

    private final PrintStream out;
    private final Map<String, DeliveryReceipt> delivered = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeliveryReceipt> eldest) {
            return size() > REMEMBERED;
        }
    };

    public ConsoleNotifier(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public synchronized DeliveryReceipt deliver(OutboxMessage message) throws DeliveryException {
        DeliveryReceipt earlier = delivered.get(message.idempotencyKey());
        if (earlier != null) {
            return earlier;
        }
        var row = message.row();
        out.println("── escalation " + row.escalationRef() + " · " + row.role() + " · " + row.urgency()
                + " → " + row.channelTarget() + (row.attempt().equals("initial") ? "" : " (" + row.attempt() + ")"));
        out.println(row.payload());
        out.flush();
        if (out.checkError()) {
            throw DeliveryException.retryable("console_write_failed");
        }
        DeliveryReceipt receipt = new DeliveryReceipt("console-" + message.id());
        delivered.put(message.idempotencyKey(), receipt);
        return receipt;
    }
}
