package org.sga.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sga.core.escalation.Platform;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ConnectedPlatformsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(NotifierConfiguration.class);

    @Test
    void givenASlackBotToken_thenSlackIsConnected() {
        runner.withPropertyValues("sga.slack.bot-token=xoxb-example").run(context ->
                assertThat(context.getBean(ConnectedPlatforms.class).platforms()).containsExactly(Platform.SLACK));
    }

    @Test
    void givenTeamsAndTheConsoleChat_thenBothAreConnected() {
        runner.withPropertyValues("sga.teams.app-id=00000000-example", "sga.console.enabled=true").run(context ->
                assertThat(context.getBean(ConnectedPlatforms.class).platforms())
                        .containsExactlyInAnyOrder(Platform.TEAMS, Platform.CONSOLE));
    }

    @Test
    void givenNoChatAtAll_thenNothingIsConnected() {
        runner.run(context -> assertThat(context.getBean(ConnectedPlatforms.class).platforms()).isEmpty());
    }
}
