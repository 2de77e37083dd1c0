package org.sga.app.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.sga.app.store.Store;
import org.sga.core.audit.AuditRecord;
import org.sga.core.escalation.Acknowledgement;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.OpenEscalation;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.References;

/**
 * Operator views of escalations. {@code escalations list --open}: every escalation with a notice undelivered or a
 * role not yet acknowledged. {@code escalations show REF}: its routing, each notice's delivery and each
 * acknowledgement, and its audit history. Message text (and the reporter's note) is never printed.
 */
final class EscalationsCommand implements Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String USAGE = "usage: escalations list --open | escalations show REF";

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        if (args.equals(List.of("list", "--open"))) {
            try (Store store = Stores.open()) {
                List<OpenEscalation> open = store.outbox().openEscalations();
                out.printf("%d open escalation%s%n", open.size(), open.size() == 1 ? "" : "s");
                for (OpenEscalation e : open) {
                    long undelivered = e.deliveries().stream().filter(d -> d.deliveredAt() == null).count();
                    // Why notices wait (a platform refusing the bot's token, say), including those to the reporter.
                    List<String> waiting = e.deliveries().stream()
                            .filter(d -> d.deliveredAt() == null && d.lastError() != null)
                            .map(d -> d.row().role() + " " + d.lastError()).distinct().toList();
                    out.printf("%-20s %-9s raised %s  notices %d (%d undelivered)  acknowledged by %s%s%n", e.ref(), e.urgency(),
                            TIME.format(e.raisedAt()), e.deliveries().size(), undelivered,
                            e.acknowledgements().isEmpty() ? "nobody yet"
                                    : String.join(", ", e.acknowledgements().stream().map(Acknowledgement::role).toList()),
                            waiting.isEmpty() ? "" : "  waiting: " + String.join(", ", waiting));
                }
                return 0;
            }
        }
        if (args.size() == 2 && args.get(0).equals("show")) {
            String ref = References.normalise(args.get(1));
            try (Store store = Stores.open()) {
                EscalationRecords records = new EscalationRecords(store.auditTrail());
                var raised = records.find(ref);
                if (raised.isEmpty()) {
                    err.println("escalations: no escalation " + ref);
                    return 1;
                }
                var e = raised.get();
                out.printf("%s  %s  team %s  raised %s  acknowledge by %s%n", ref, e.urgency(), e.teamId(), TIME.format(e.at()), TIME.format(e.acknowledgeBy()));
                out.printf("concern: %s%n", e.concern());
                out.println("roles:");
                e.roles().forEach(r -> out.printf("  %-20s %s:%s  backup %s%n", r.role().id(), r.platform().id(), r.target(),
                        r.backup().orElse("none")));
                if (!e.undeliverable().isEmpty()) {
                    out.println("undeliverable on the reporter's platform: " + e.undeliverable());
                }
                out.println("notices:");
                for (OutboxEntry n : store.outbox().entries(ref)) {
                    out.printf("  %-20s %-8s %-10s attempts %d%s%s%n", n.row().role(), n.row().attempt(), n.status(), n.attempts(),
                            n.deliveredAt() == null ? "  next " + TIME.format(n.nextAttemptAt()) : "  delivered " + TIME.format(n.deliveredAt()),
                            n.lastError() == null ? "" : "  last error " + n.lastError());
                }
                out.println("acknowledgements:");
                List<Acknowledgement> acks = store.acknowledgements().forEscalation(ref);
                if (acks.isEmpty()) {
                    out.println("  none yet");
                }
                acks.forEach(a -> out.printf("  %-20s by %s at %s%n", a.role(), a.userId(), TIME.format(a.at())));
                out.println("audit:");
                for (AuditRecord r : records.history(ref)) {
                    out.printf("  #%d %s %s%n", r.sequence(), TIME.format(r.at()), r.type());
                }
                return 0;
            }
        }
        throw new UsageException(USAGE);
    }
}
