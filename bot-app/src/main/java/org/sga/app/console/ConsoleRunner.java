package org.sga.app.console;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.sga.core.conversation.Assistant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Starts the terminal chat once the application is up, when console mode is on (no platform credentials). */
@Component
@ConditionalOnProperty(name = "sga.console.enabled", havingValue = "true")
class ConsoleRunner implements ApplicationRunner {

    private final Assistant assistant;

    ConsoleRunner(Assistant assistant) {
        this.assistant = assistant;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String user = System.getProperty("user.name", "console-user");
        new ConsoleChat(assistant, user).run(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }
}
