package org.sga.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Assembling the adapter. */
class SlackBotTest {

    @Test
    void givenSlackUnreachable_thenTheBotIsStillBuiltAndServesItsEndpoint() {
        SlackSettings settings = new SlackSettings("xoxb-test", "secret", null, "http://127.0.0.1:9/api/");
        try (SlackBot bot = new SlackBot(settings, message -> { throw new AssertionError("no message was sent"); },
                new InMemoryEvents(), ScriptedCore.NO_ACKNOWLEDGEMENTS, feedback -> { })) {
            assertThat(bot.servlet()).isNotNull();
            assertThat(bot.socketModeConnected()).isEmpty();
        }
    }
}
