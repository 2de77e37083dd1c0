package org.sga.app.cli;

import java.io.BufferedReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.sga.app.store.Store;
import org.sga.core.audit.AuditSigningKey;
import org.sga.core.audit.AuditVerification;

/**
 * {@code audit verify}: checks the whole hash chain and names the first broken record (exit 1 when broken). Where
 * records were purged at the end of their retention, the checkpoints standing for them are checked against each other
 * and the remaining records, and their signatures with the key in {@code SGA_AUDIT_SIGNING_KEY}; without it the
 * output says that the signatures were not checked.
 * {@code audit export --from DATE --to DATE}: the records in that range (from inclusive, to exclusive, UTC days) as JSON lines.
 */
final class AuditCommand implements Command {

    private static final String USAGE = "usage: audit verify | audit export --from YYYY-MM-DD --to YYYY-MM-DD";

    private final Supplier<Store> stores;
    private final UnaryOperator<String> environment;

    AuditCommand(Supplier<Store> stores, UnaryOperator<String> environment) {
        this.stores = stores;
        this.environment = environment;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        if (args.equals(List.of("verify"))) {
            AuditSigningKey key = signingKey();
            try (Store store = stores.get()) {
                long start = System.nanoTime();
                AuditVerification result = store.auditTrail().verify(key);
                double ms = (System.nanoTime() - start) / 1e6;
                if (!result.ok()) {
                    out.printf("audit trail BROKEN at %s; %d records checked%n", result.firstBreak().orElseThrow(),
                            result.recordsChecked());
                    return 1;
                }
                out.printf("audit trail intact: %d records checked in %.0f ms%n", result.recordsChecked(), ms);
                switch (result.signatures()) {
                    case VERIFIED -> out.printf("%d older records purged under %d checkpoints; their signatures verified"
                            + " (key id %s)%n", result.recordsPurged(), result.checkpointsChecked(), key.id());
                    case NOT_CHECKED -> out.printf("%d older records purged under %d checkpoints; their signatures were NOT"
                                    + " checked: set %s to the key the bot signs with to check them%n",
                            result.recordsPurged(), result.checkpointsChecked(), AuditSigningKey.ENV);
                    case NO_CHECKPOINTS -> {
                        // Nothing purged: every record was checked.
                    }
                }
                return 0;
            }
        }
        if (args.size() == 5 && args.get(0).equals("export") && args.get(1).equals("--from") && args.get(3).equals("--to")) {
            Instant from = day(args.get(2));
            Instant to = day(args.get(4));
            if (!to.isAfter(from)) {
                throw new UsageException("audit export: --to must be after --from");
            }
            try (Store store = stores.get()) {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                long n = store.auditTrail().export(from, to, writer);
                writer.flush();
                err.println(n + " records exported");
                return 0;
            }
        }
        throw new UsageException(USAGE);
    }

    private AuditSigningKey signingKey() {
        try {
            return AuditSigningKey.from(environment).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new UsageException("audit: " + e.getMessage());
        }
    }

    private static Instant day(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("audit export: '" + text + "' is not a date like 2026-12-07");
        }
    }
}
