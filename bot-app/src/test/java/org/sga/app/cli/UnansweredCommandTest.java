package org.sga.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sga.app.settings.BuildFolderSettings;
import org.sga.app.store.ContentFeedback;
import org.sga.app.store.MutableClock;
import org.sga.app.store.TestDatabases;
import org.sga.app.store.TestDatabases.Db;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code unanswered} on the real databases, with invented questions and votes. */
class UnansweredCommandTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant OCT_31 = Instant.parse("2026-10-31T23:59:00Z");

    private final MutableClock clock = new MutableClock(OCT_31);

    private CliTest.Run run(TestDatabases.Fresh db, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(BuildFolderSettings.defaults(), () -> databases.open(db, clock), name -> null).run(List.of(args), new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** One question and one vote on 31 October, the rest in November. */
    private TestDatabases.Fresh withFeedback(Db db) {
        TestDatabases.Fresh fresh = databases.fresh(db);
        ContentFeedback feedback = databases.open(fresh, clock).contentFeedback();
        feedback.recordUnanswered("slack", "an October question about the invented Wombat rota", null);
        feedback.recordVote("slack", "child-abuse-and-ict#2.1", "3.0", false);
        clock.advance(Duration.ofMinutes(31));
        feedback.recordUnanswered("slack", "how many days of annual leave do I get", "annual leave");
        clock.advance(Duration.ofHours(2));
        feedback.recordUnanswered("teams", "two lines\nand a \u001b[31mcolour \"quoted\"", null);
        feedback.recordVote("slack", "child-abuse-and-ict#4.4", "3.0", false);
        feedback.recordVote("teams", "child-abuse-and-ict#4.4", "3.0", true);
        feedback.recordVote("teams", "child-abuse-and-ict#4.4", "3.0", true);
        feedback.recordVote("teams", "child-abuse-and-ict#5.1", "3.0", true);
        return fresh;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenADay_thenQuestionsFromItsStartAndTheNotHelpfulSummary(Db db) {
        CliTest.Run r = run(withFeedback(db), "unanswered", "--since", "2026-11-01");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines()).containsExactly(
                "Questions the bot could not answer since 2026-11-01T00:00:00Z:",
                "2026-11-01 00:30:00Z  slack    annual leave              how many days of annual leave do I get",
                "2026-11-01 02:30:00Z  teams    -                         two lines and a  [31mcolour \"quoted\"",
                "2 unanswered questions",
                "",
                "Not helpful votes per section since 2026-11-01T00:00:00Z:",
                "  not helpful  helpful  section",
                "            1        2  child-abuse-and-ict#4.4");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenJson_thenOneObjectPerLineWithTheTextAsAsked(Db db) {
        CliTest.Run r = run(withFeedback(db), "unanswered", "--json", "--since", "2026-10-31T23:00:00Z");

        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> lines = r.lines().stream().map(JSON::readTree).toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("type").asString()).isEqualTo("unanswered");
        assertThat(lines.get(0).get("at").asString()).isEqualTo("2026-10-31T23:59:00Z");
        assertThat(lines.get(0).get("topic").isNull()).isTrue();
        assertThat(lines.get(1).get("topic").asString()).isEqualTo("annual leave");
        assertThat(lines.get(2).get("platform").asString()).isEqualTo("teams");
        assertThat(lines.get(2).get("question").asString()).isEqualTo("two lines\nand a \u001b[31mcolour \"quoted\"");
        assertThat(lines.get(3).get("type").asString()).isEqualTo("section_votes");
        assertThat(lines.get(3).get("section").asString()).isEqualTo("child-abuse-and-ict#2.1");
        assertThat(lines.get(3).get("notHelpful").asLong()).isEqualTo(1);
        assertThat(lines.get(4).get("section").asString()).isEqualTo("child-abuse-and-ict#4.4");
        assertThat(lines.get(4).get("helpful").asLong()).isEqualTo(2);
    }

    @Test
    void givenNothingSince_thenSaysSo() {
        CliTest.Run r = run(databases.fresh(Db.H2), "unanswered", "--since", "2026-11-01T09:00:00+01:00");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("since 2026-11-01T08:00:00Z").contains("0 unanswered questions").contains("  none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "2026-02-30", "01/11/2026", "2026-11-01T25:00:00Z"})
    void givenBadDate_thenAOneLineUsageError(String date) {
        CliTest.Run r = run(databases.fresh(Db.H2), "unanswered", "--since", date);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().asString()
                .contains("'" + date + "' is not a date like 2026-11-01 or an instant like 2026-11-01T09:00:00Z");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void givenDateTimeWithoutZone_thenAskedForOne() {
        CliTest.Run r = run(databases.fresh(Db.H2), "unanswered", "--since", "2026-11-01T09:00");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("has no time zone").contains("2026-11-01T09:00Z");
    }

    @Test
    void givenNoOrRepeatedSince_thenUsage() {
        TestDatabases.Fresh db = databases.fresh(Db.H2);
        assertThat(run(db, "unanswered").err()).contains("usage: unanswered --since DATE [--json]");
        assertThat(run(db, "unanswered", "--since").code()).isEqualTo(2);
        assertThat(run(db, "unanswered", "--since", "2026-11-01", "--since", "2026-11-02").code()).isEqualTo(2);
        assertThat(run(db, "unanswered", "--since", "2026-11-01", "--csv").code()).isEqualTo(2);
    }

    @Test
    void helpListsEveryTool() {
        CliTest.Run r = CliTest.run("", "help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("unanswered --since DATE [--json]").contains("audit verify").contains("escalations list --open")
                .contains("outbox retry REF").contains("content check DIR").contains("search --json").contains("bench");
    }
}
