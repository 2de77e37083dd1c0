package org.sga.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sga.app.store.TestDatabases.Db;

/**
 * Checks that the bench runs and prints its figures, on a small count. For real figures run it larger:
 * {@code -Dsga.bench.escalations=5000}.
 */
class OutboxBenchTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @Test
    void givenEmbeddedAndPostgres_thenPrintsRecordedDeliveredAndVerifyFiguresForBoth() {
        int escalations = Integer.getInteger("sga.bench.escalations", 100);
        TestDatabases.Fresh postgres = databases.fresh(Db.POSTGRESQL);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        OutboxBench.run(new PrintStream(printed, true, StandardCharsets.UTF_8),
                new OutboxBench.Options(escalations, 2, postgres.url(), postgres.user(), postgres.password()));

        String out = printed.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        assertThat(out).containsPattern("H2 +recorded +" + escalations + " escalations")
                .containsPattern("H2 +delivered +" + escalations + " escalations")
                .containsPattern("PostgreSQL +delivered +" + escalations + " escalations")
                .containsPattern("PostgreSQL +audit verify +" + escalations + " records .* \\(ok\\)");
    }
}
