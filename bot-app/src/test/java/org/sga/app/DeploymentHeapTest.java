package org.sga.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped content fits the heap the deployment gives the bot: the systemd example's {@code -Xmx} (the container
 * image gives more, 25 % of its 768 MB limit), with the serial collector and {@code -XX:+ExitOnOutOfMemoryError} as
 * there. The bot reads all its content and prepares the danger check and the cards before it answers, so an answer by
 * meaning means everything was held.
 */
class DeploymentHeapTest {

    private static final Path SYSTEMD_ENV = Path.of("..", "deploy", "systemd", "safeguarding-assistant.env.example");
    /** The packaged jar, as deployed: its own way of reading resources counts towards the heap too. */
    private static final Path JAR = Path.of("target", "safeguarding-assistant.jar");
    private static final Path CASES = Path.of("..", "eval", "safety-cases.jsonl");
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @TempDir
    Path home;

    private static String deployedHeap() throws IOException {
        Matcher m = Pattern.compile("JAVA_OPTS=\"[^\"]*(-Xmx\\d+[mg])").matcher(Files.readString(SYSTEMD_ENV));
        assertThat(m.find()).as("-Xmx in " + SYSTEMD_ENV).isTrue();
        return m.group(1);
    }

    @Test
    void givenTheDeployedHeap_thenTheBotStartsAndAnswersByMeaning() throws Exception {
        String heap = deployedHeap();
        assertThat(JAR).as("the packaged jar (this test runs after `package`)").isRegularFile();
        Path out = home.resolve("out.txt");
        ProcessBuilder console = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Duser.home=" + home, "-jar", JAR.toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        // The console chat: no Slack or Teams credentials, data of its own.
        console.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("TEAMS_") || k.startsWith("MICROSOFT_"));
        console.environment().put("SGA_DATA_DIR", home.resolve("data").toString());
        Process bot = console.start();
        // Our own safety cases, as staff would type them one after another, the emergency first.
        StringBuilder typed = new StringBuilder("a year 7 says she is meeting a man from snapchat tonight\n");
        for (String line : Files.readAllLines(CASES).subList(0, 30)) {
            typed.append(JSON.readTree(line).get("q").asString().replace('\n', ' ')).append('\n');
        }
        bot.getOutputStream().write(typed.append("quit\n").toString().getBytes(StandardCharsets.UTF_8));
        bot.getOutputStream().close();

        // Generous: on a busy two-core machine reading the content takes a while; the heap is what is tested.
        assertThat(bot.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String transcript = Files.readString(out);
        assertThat(bot.exitValue()).as("exit value with " + heap + " (3 is the JVM out of heap)\n" + transcript).isZero();
        assertThat(transcript).contains("call 999").contains("An adult asking a child for images, sexual talk or to meet");
    }
}
