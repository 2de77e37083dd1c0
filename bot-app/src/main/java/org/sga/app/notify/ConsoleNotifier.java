package org.sga.app.notify;

import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.escalation.DeliveryException;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.RecentDeliveries;

/**
 * Prints escalation notices to a stream. Printing is the delivery, not a log: nothing is logged. A notice
 * delivered again with the same idempotency key (a retry after a crash) is not printed twice.
 */
public final class ConsoleNotifier implements Notifier {

    private final PrintStream out;
    private final RecentDeliveries delivered = new RecentDeliveries();

    public ConsoleNotifier(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public synchronized DeliveryReceipt deliver(OutboxMessage message) throws DeliveryException {
        Optional<DeliveryReceipt> earlier = delivered.earlier(message.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
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
        delivered.remember(message.idempotencyKey(), receipt);
        return receipt;
    }
}
