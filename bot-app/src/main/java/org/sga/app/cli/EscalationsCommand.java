package org.sga.app.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import org.sga.app.store.Store;
import org.sga.core.audit.AuditRecord;
import org.sga.core.escalation.Acknowledgement;
import org.sga.core.escalation.ChaseStep;
import org.sga.core.escalation.DeliveryStatus;
import org.sga.core.escalation.RaisedEscalation;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.OpenEscalation;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.References;

/**
 * Operator views of escalations. {@code escalations list --open}: every escalation with a notice undelivered or a
 * role not yet acknowledged, marked when nobody has been reached. {@code escalations show REF}: its routing, its
 * escalation policy and where each role's chase stands, each notice's delivery and each acknowledgement, and its
 * audit history. Message text (and the reporter's note) is never printed.
 */
final class EscalationsCommand implements Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String USAGE = "usage: escalations list --open | escalations show REF";

    private final Supplier<Store> stores;

    EscalationsCommand(Supplier<Store> stores) {
        this.stores = stores;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        if (args.equals(List.of("list", "--open"))) {
            try (Store store = stores.get()) {
                List<OpenEscalation> open = store.outbox().openEscalations();
                out.printf("%d open escalation%s%n", open.size(), open.size() == 1 ? "" : "s");
                for (OpenEscalation e : open) {
                    long undelivered = e.deliveries().stream().filter(d -> d.deliveredAt() == null).count();
                    // Why notices wait (a platform refusing the bot's token, say), including those to the reporter.
                    List<String> waiting = e.deliveries().stream()
                            .filter(d -> d.deliveredAt() == null && d.lastError() != null)
                            .map(d -> d.row().role() + " " + d.lastError()).distinct().toList();
                    boolean reached = e.deliveries().stream().anyMatch(d -> !OutboxRow.REPORTER
                            .equals(d.row().role()) && d.status() != DeliveryStatus.DEAD);
                    out.printf("%-20s %-9s raised %s  notices %d (%d undelivered)  acknowledged by %s%s%n", e.ref(), e.urgency(),
                            TIME.format(e.raisedAt()), e.deliveries().size(), undelivered,
                            e.acknowledgements().isEmpty() ? "nobody yet"
                                    : String.join(", ", e.acknowledgements().stream().map(Acknowledgement::role).toList()),
                            (reached || !e.acknowledgements().isEmpty() ? "" : "  NOBODY REACHED")
                                    + (waiting.isEmpty() ? "" : "  waiting: " + String.join(", ", waiting)));
                }
                return 0;
            }
        }
        if (args.size() == 2 && args.get(0).equals("show")) {
            String ref = References.normalise(args.get(1));
            try (Store store = stores.get()) {
                EscalationRecords records = new EscalationRecords(store.auditTrail());
                var raised = records.find(ref);
                if (raised.isEmpty()) {
                    err.println("escalations: no escalation " + ref);
                    return 1;
                }
                var e = raised.get();
                out.printf("%s  %s  team %s  raised %s  acknowledge by %s%n", ref, e.urgency(), e.teamId(), TIME.format(e.at()), TIME.format(e.acknowledgeBy()));
                out.printf("concern: %s%n", e.concern());
                out.println("policy: " + policy(e));
                out.println("roles:");
                for (var r : e.roles()) {
                    out.printf("  %-20s %s  backup %s%s%n", r.role().id(),
                            r.reached() ? r.platform().id() + ":" + r.target() : "no channel on a connected platform",
                            r.backup().map(b -> r.backupPlatform().id() + ":" + b).orElse("none"),
                            contacts(r));
                }
                if (!e.withheld().isEmpty()) {
                    out.println("withheld (never notified, also not as a backup): " + e.withheld());
                }
                out.println("notices:");
                for (OutboxEntry n : store.outbox().entries(ref)) {
                    out.printf("  %-20s %-36s %-10s attempts %d%s%s%n", n.row().role(), n.row().attempt(), n.status(), n.attempts(),
                            n.deliveredAt() == null ? "  next " + TIME.format(n.nextAttemptAt()) : "  delivered " + TIME.format(n.deliveredAt()),
                            n.lastError() == null ? "" : "  last error " + n.lastError());
                }
                List<Acknowledgement> acks = store.acknowledgements().forEscalation(ref);
                List<ChaseStep> chase = store.acknowledgements().chase(ref);
                out.println("chase:");
                for (var r : e.roles()) {
                    out.printf("  %-20s %s%n", r.role().id(), where(r.role().id(), chase, acks, e.rounds()));
                }
                for (ChaseStep step : chase) {
                    out.printf("    %-20s %-10s deadline %s  %s%n", step.awaited().role(), step.awaited().step(),
                            TIME.format(step.awaited().deadline()), switch (step.state()) {
                                case WAITING -> "waiting";
                                case ACKNOWLEDGED -> "acknowledged " + TIME.format(step.handledAt());
                                case RE_ESCALATED -> "passed on " + TIME.format(step.handledAt());
                            });
                }
                out.println("acknowledgements:");
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

    /** The escalation policy as it was routed (TRIAGE.md): deadlines, backup, rounds, then the reporter phones. */
    private static String policy(RaisedEscalation e) {
        String within = human(e.acknowledgeWithin());
        return "each role has " + within + " to acknowledge; then its backup, with " + within + " of its own"
                + (e.rounds() == 0 ? "" : "; then " + e.rounds() + " round" + (e.rounds() == 1 ? "" : "s")
                        + " notifying role and backup again, " + within + " apart")
                + "; then the reporter is told to phone";
    }

    /** Where one role's chase stands. */
    private static String where(String role, List<ChaseStep> chase, List<Acknowledgement> acks, int rounds) {
        var ack = acks.stream().filter(a -> a.role().equals(role)).findFirst();
        if (ack.isPresent()) {
            return "acknowledged by " + ack.get().userId() + " at " + TIME.format(ack.get().at());
        }
        List<ChaseStep> steps = chase.stream().filter(c -> c.awaited().role().equals(role)).toList();
        var waiting = steps.stream().filter(c -> c.state() == ChaseStep.State.WAITING).findFirst();
        if (waiting.isPresent()) {
            String step = waiting.get().awaited().step();
            String shown = step.startsWith("round-") ? "round " + step.substring(6) + " of " + rounds
                    : step.equals("backup") ? "its backup" : "the first notice";
            return "at " + shown + ", waiting until " + TIME.format(waiting.get().awaited().deadline());
        }
        if (steps.isEmpty()) {
            return "not chased";
        }
        return "chase spent at " + TIME.format(steps.getLast().handledAt()) + ": the reporter was told to phone";
    }

    private static String contacts(RaisedEscalation.NotifiedRole r) {
        List<String> parts = new java.util.ArrayList<>();
        r.contact().shownName().ifPresent(parts::add);
        r.contact().shownPhone().ifPresent(p -> parts.add("phone " + p));
        r.backupContact().shownName().ifPresent(n -> parts.add("backup " + n));
        r.backupContact().shownPhone().ifPresent(p -> parts.add("backup phone " + p));
        return parts.isEmpty() ? "" : "  (" + String.join(", ", parts) + ")";
    }

    private static String human(java.time.Duration d) {
        if (d.toSeconds() % 60 != 0) {
            return d.toSeconds() + "s";
        }
        if (d.toMinutes() < 60 || d.toMinutes() % 60 != 0) {
            return d.toMinutes() + " min";
        }
        return d.toHours() + " h";
    }
}
