package org.sga.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Slack's {@code tokens_revoked} and {@code app_uninstalled}: the bot can no longer work, and says so loudly. */
class AccessLostTest {

    private final List<String> lost = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger botLog = (Logger) LoggerFactory.getLogger(AccessLost.class);
    private SlackEndpoint endpoint;

    @BeforeEach
    void start() {
        logged.start();
        botLog.addAppender(logged);
        endpoint = new SlackEndpoint(new ScriptedCore(), new InMemoryEvents(), ScriptedCore.NO_ACKNOWLEDGEMENTS, f -> { },
                Clock.systemUTC(), new ApiCalls() {
                    @Override
                    public void answered(String method, String errorCode) {
                    }

                    @Override
                    public void accessLost(String event) {
                        lost.add(event);
                    }
                });
    }

    @AfterEach
    void stop() throws Exception {
        botLog.detachAppender(logged);
        endpoint.close();
    }

    @Test
    void givenTheBotsTokenRevoked_thenHealthIsToldAndAnErrorIsLogged() {
        assertThat(endpoint.requests.event(Events.callback(Events.newEventId(),
                "{\"type\":\"tokens_revoked\",\"tokens\":{\"oauth\":[],\"bot\":[\"UBOT\"]},\"event_ts\":\"1.1\"}"))
                .statusCode()).isEqualTo(200);
        assertThat(lost).containsExactly("tokens_revoked");
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("tokens_revoked", "SLACK_BOT_TOKEN"));
    }

    @Test
    void givenOnlyUserTokensRevoked_thenTheBotStillWorksAndNothingIsRaised() {
        endpoint.requests.event(Events.callback(Events.newEventId(),
                "{\"type\":\"tokens_revoked\",\"tokens\":{\"oauth\":[\"U0SOMEONE\"],\"bot\":[]},\"event_ts\":\"1.1\"}"));
        assertThat(lost).isEmpty();
    }

    @Test
    void givenTheAppUninstalled_thenHealthIsToldAndAnErrorIsLogged() {
        assertThat(endpoint.requests.event(Events.callback(Events.newEventId(),
                "{\"type\":\"app_uninstalled\",\"event_ts\":\"1.1\"}")).statusCode()).isEqualTo(200);
        assertThat(lost).containsExactly("app_uninstalled");
        assertThat(logged.list).anySatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.ERROR));
    }
}
