package org.sga.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval, tune and bench commands as ./sga runs them, on the shipped content. */
class EvalToolsTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new EvalTools().run(List.of(args), new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @TempDir
    Path dir;

    @Test
    void printsFiguresAndEachMiss() throws Exception {
        Path file = dir.resolve("q.tsv");
        Files.writeString(file, "question\texpected\nwhat is sexting\tchild-abuse-and-ict#4.1\nwhat is sexting\tchild-abuse-and-ict#7.2\n"
                + "how do I book annual leave\tNONE\n");
        Run r = run("eval", "--baseline", file.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("2 in-scope and 1 out-of-scope").contains("top-1").contains("top-3").contains("MRR")
                .contains("abstained (NONE)").contains("false abstention").contains("baseline")
                .contains("expected child-abuse-and-ict#7.2").contains("ranking alone (whether or not answered): top-1");
    }

    @Test
    void aFilesOwnQuestionsAreLeftOutOfThePhrasingsWhileItIsMeasured() throws Exception {
        // The first is an alternate phrasing of §0 and the second a phrasing of a topic not covered.
        Path file = dir.resolve("own.tsv");
        Files.writeString(file, "question\texpected\nWhat do I do first if a child is being abused online\tchild-abuse-and-ict#0\n"
                + "female genital mutilation\tNONE\nhow do I book a meeting room\tNONE\n");
        Run r = run("eval", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("eval: 2 search phrasings in the content are questions of " + file + "; they are left out");
        assertThat(r.out()).contains("1 in-scope and 2 out-of-scope");

        Run tune = run("tune", file.toString());
        assertThat(tune.err()).contains("tune: 2 search phrasings are questions of " + file + "; left out while it is searched");
    }

    @Test
    void aFileOfNewQuestionsIsMeasuredWithEveryPhrasing() throws Exception {
        Path file = dir.resolve("new.tsv");
        Files.writeString(file, "question\texpected\nour year 9s keep swapping pics at the bus stop, what now\tchild-abuse-and-ict#4.1\n");
        Run r = run("eval", file.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).doesNotContain("left out");
    }

    @Test
    void aMissingFileIsAClearError() {
        Run r = run("eval", "/no/such/file.tsv");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no such file");
    }

    @Test
    void tunePrintsTheBestSettingsWithTheirFiguresAndProgress() throws Exception {
        Path file = dir.resolve("t.tsv");
        Files.writeString(file, "question\texpected\nwhat is sexting\tchild-abuse-and-ict#4.1\n"
                + "a colleague has indecent images on his laptop\tchild-abuse-and-ict#6.1,child-abuse-and-ict#5.1\n"
                + "how do I book annual leave\tNONE\n");
        Run r = run("tune", "--max-false-abstention", "0", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(3 questions)").contains("settings tried; false abstention at most 0 %").contains("setting (best first)")
                .containsPattern("\\(0\\.\\d\\d, -?0\\.\\d\\d, \\(");
        assertThat(r.err()).contains("3 questions searched").contains("BM25 weight 16 of 16 decided");
    }

    @Test
    void tuneRejectsBadArgumentsClearly() {
        assertThat(run("tune").err()).contains("usage: tune");
        assertThat(run("tune", "/no/such/file.tsv").err()).contains("no such file");
        Run share = run("tune", "--max-false-abstention", "lots", "x.tsv");
        assertThat(share.code()).isEqualTo(2);
        assertThat(share.err()).contains("'lots' is not a number");
        assertThat(run("tune", "--max-false-abstention", "1.5", "x.tsv").err()).contains("between 0 and 1");
        assertThat(run("tune", "../eval/tuning/mixed-staff.tsv", "/no/such/second.tsv").err())
                .contains("no such file: /no/such/second.tsv");
    }

    @Test
    void tunePrintsItsBestSettingInTheFormatOfTheTuningFile() throws Exception {
        Path file = dir.resolve("t.tsv");
        Files.writeString(file, "question\texpected\nwhat is sexting\tchild-abuse-and-ict#4.1\nhow do I book annual leave\tNONE\n");
        Run r = run("tune", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String yaml = r.out().substring(r.out().indexOf("in search/tuning.yml"));
        assertThat(yaml).containsPattern("\n  e5-small:\n    lexical-weight: [-0-9.]+\n    not-covered-margin: [-0-9.]+\n    confidence:\n"
                + "      coverage-floor: [0-9.]+\n      strong-similarity: [0-9.]+\n");
    }

    @Test
    void anUnknownCommandOrBadBenchArgumentsExit2WithTheUsage() {
        Run unknown = run("evaluate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command \"evaluate\"").contains("eval [--baseline]").contains("bench");
        Run bench = run("bench", "everything");
        assertThat(bench.code()).isEqualTo(2);
        assertThat(bench.err()).contains("usage: bench");
        assertThat(run("bench", "outbox", "many").err()).contains("'many' is not a number of escalations");
    }
}
