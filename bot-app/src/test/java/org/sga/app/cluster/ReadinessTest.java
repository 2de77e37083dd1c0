package org.sga.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sga.core.search.BackgroundSearcher;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The load balancer's view when the database goes away: readiness goes down (503) while liveness stays up, so the
 * instance is taken out of rotation rather than restarted, and readiness comes back by itself with the database,
 * once it takes a write again.
 */
class ReadinessTest {

    @Test
    void givenDatabaseStopsAndStartsAgain_thenReadinessDownThenUp_andLivenessUpThroughout() throws Exception {
        int port = freePort();
        Path data = Instances.tempDir().resolve("pg");
        // Kept across the restart (not cleaned on close): readiness asks whether the database takes a write, and a
        // server that came back empty, without the bot's tables, could not record anything.
        EmbeddedPostgres postgres = server(port, data, false);
        WireMockServer slack = new WireMockServer(options().dynamicPort());
        slack.start();
        TwoInstancesTest.stub(slack, 0);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        ConfigurableApplicationContext instance = Instances.start(Instances.settings(url, slack, Map.of()));
        try {
            int http = Instances.managementPort(instance);
            instance.getBean(BackgroundSearcher.class).await();
            assertThat(Instances.get(http, "/actuator/health/readiness").statusCode()).isEqualTo(200);

            postgres.close();
            Instances.await("readiness down", Duration.ofSeconds(30),
                    () -> Instances.get(http, "/actuator/health/readiness").statusCode() == 503);
            assertThat(Instances.operator(http, "/actuator/health/readiness").body()).contains("\"db\":{")
                    .contains("\"storage\":{").contains("DOWN");
            assertThat(Instances.get(http, "/actuator/health/liveness").statusCode()).isEqualTo(200);

            postgres = server(port, data, false);
            Instances.await("readiness up again", Duration.ofSeconds(30),
                    () -> Instances.get(http, "/actuator/health/readiness").statusCode() == 200);
        } finally {
            instance.close();
            slack.stop();
            postgres.close();
        }
    }

    private static EmbeddedPostgres server(int port, Path data, boolean clean) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(clean).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
