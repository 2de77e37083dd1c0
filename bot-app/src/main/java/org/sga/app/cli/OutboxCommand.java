package org.sga.app.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.sga.app.store.Store;
import org.sga.core.escalation.References;

/** {@code outbox retry REF}: makes the escalation's undelivered notices (also given-up ones) due now. */
final class OutboxCommand implements Command {

    private final Supplier<Store> stores;

    OutboxCommand(Supplier<Store> stores) {
        this.stores = stores;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        if (args.size() != 2 || !args.get(0).equals("retry")) {
            throw new UsageException("usage: outbox retry REF");
        }
        String ref = References.normalise(args.get(1));
        try (Store store = stores.get()) {
            int n = store.outbox().retry(ref, Instant.now());
            out.printf("%d notice%s of %s due for delivery now%n", n, n == 1 ? "" : "s", ref);
            return n == 0 && store.outbox().entries(ref).isEmpty() ? 1 : 0;
        }
    }
}
