package org.sga.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Checks that the bench runs and prints its figures, on a small count, on the embedded store and on a real
 * PostgreSQL. For real figures run it larger: {@code -Dsga.bench.escalations=5000}.
 */
class OutboxBenchTest {

    @Test
    void givenEmbeddedAndPostgres_thenPrintsRecordedDeliveredAndVerifyFiguresForBoth() throws Exception {
        int escalations = Integer.getInteger("sga.bench.escalations", 100);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            OutboxBench.run(new PrintStream(printed, true, StandardCharsets.UTF_8),
                    new OutboxBench.Options(escalations, 2, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"));
        }

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).containsPattern("H2 +recorded +" + escalations + " escalations")
                .containsPattern("H2 +delivered +" + escalations + " escalations")
                .containsPattern("PostgreSQL +delivered +" + escalations + " escalations")
                .containsPattern("PostgreSQL +audit verify +" + escalations + " records .* \\(ok\\)");
    }
}
