package org.sga.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sga.app.settings.BuildFolderSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CliTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(BuildFolderSettings.defaults(), name -> null).run(List.of(args), new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Nested
    class UnknownCommands {

        @Test
        void givenAWordThatNamesNoTool_thenItIsRefusedWithTheUsage_andTheBotDoesNotStart() {
            assertThat(Cli.refusal(new String[] {"frobnicate"})).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("unknown command \"frobnicate\".").contains(Cli.USAGE).doesNotContain("Did you mean"));
        }

        @Test
        void givenTheNamesARefusalKnows_thenEachIsATool() {
            assertThat(new Cli(BuildFolderSettings.defaults(), name -> null).names()).containsExactlyElementsOf(Cli.NAMES);
        }

        @Test
        void givenATypoOfATool_thenTheToolIsSuggested() {
            assertThat(Cli.refusal(new String[] {"escalation", "list", "--open"}))
                    .hasValueSatisfying(m -> assertThat(m).contains("Did you mean \"escalations\"?"));
        }

        @Test
        void givenNoArgumentsSpringOptionsOrATool_thenNothingIsRefused() {
            assertThat(Cli.refusal(new String[0])).isEmpty();
            assertThat(Cli.refusal(new String[] {"--server.port=18090"})).isEmpty();
            assertThat(Cli.refusal(new String[] {"search", "--json"})).isEmpty();
        }
    }

    @Nested
    class Search {

        @Test
        void givenQuestionsOnePerLine_thenOneJsonObjectPerLineBestFirst() {
            Run r = run("a pupil's nudes are going round school, what do I do?\nhow do I book annual leave\n*:* AND OR ((( \"\\\n\n", "search", "--json");
            assertThat(r.code()).isZero();
            assertThat(r.lines()).hasSize(4);
            JsonNode first = JSON.readTree(r.lines().get(0));
            assertThat(first.get("query").asString()).isEqualTo("a pupil's nudes are going round school, what do I do?");
            assertThat(first.get("answered").asBoolean()).isTrue();
            JsonNode results = first.get("results");
            assertThat(results.size()).isBetween(1, 5);
            assertThat(results.get(0).get("id").asString()).startsWith("child-abuse-and-ict#4.");
            assertThat(results.get(0).get("title").asString()).isNotBlank();
            for (int i = 1; i < results.size(); i++) {
                assertThat(results.get(i).get("score").asDouble()).isLessThanOrEqualTo(results.get(i - 1).get("score").asDouble());
            }
            JsonNode leave = JSON.readTree(r.lines().get(1));
            assertThat(leave.get("answered").asBoolean()).isFalse();
            assertThat(leave.get("results").size()).isGreaterThan(0);
            assertThat(JSON.readTree(r.lines().get(2)).get("answered").asBoolean()).isFalse();
            assertThat(JSON.readTree(r.lines().get(3)).get("results").size()).isZero();
        }

        @Test
        void withoutJsonFlagItExplainsUsage() {
            Run r = run("", "search");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("usage: search --json");
        }
    }

    @Nested
    class DeveloperTools {

        @Test
        void givenEvalTuneOrBench_thenTheJarSaysTheyAreDeveloperToolsRunWithSgaAndExits2() {
            for (String tool : List.of("eval", "tune", "bench")) {
                Run r = run("", tool, "eval/holdout/mixed-staff.tsv");
                assertThat(r.code()).as(tool).isEqualTo(2);
                assertThat(r.err()).as(tool).contains(tool + " is a developer tool and not part of this jar")
                        .contains("./sga " + tool);
                assertThat(r.out()).as(tool).isEmpty();
            }
        }
    }

    @Nested
    class Ask {

        @Test
        void givenQuestionsOnePerLine_thenOneJsonObjectPerLineWithWhatThePersonWouldSee() {
            Run r = run(String.join("\n", "can I forward the nudes to the DSL on WhatsApp?",
                    "a year 7 says she is meeting a man from snapchat tonight", "what does sexting mean?",
                    "how do I book annual leave") + "\n", "ask", "--json");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.lines()).hasSize(4);
            JsonNode forward = JSON.readTree(r.lines().get(0));
            assertThat(forward.get("query").asString()).isEqualTo("can I forward the nudes to the DSL on WhatsApp?");
            assertThat(forward.get("danger").asBoolean()).isFalse();
            assertThat(forward.get("guidance").get(0).asString()).isEqualTo("IMAGES_DO_NOT_SHARE");
            assertThat(forward.get("answered").asBoolean()).isTrue();
            assertThat(forward.get("section").asString()).isEqualTo("child-abuse-and-ict#4.4");
            assertThat(forward.get("see_also").isArray()).isTrue();
            assertThat(forward.get("text").asString()).startsWith("== Don't look at, copy or send the image ==").contains("From the procedure:");

            JsonNode meeting = JSON.readTree(r.lines().get(1));
            assertThat(meeting.get("danger").asBoolean()).isTrue();
            assertThat(meeting.get("text").asString()).startsWith("!! If a child is in immediate danger, call 999 now.");

            JsonNode definition = JSON.readTree(r.lines().get(2));
            assertThat(definition.get("guidance").size()).isZero();
            assertThat(definition.get("section").asString()).isEqualTo("child-abuse-and-ict#4.1");

            JsonNode leave = JSON.readTree(r.lines().get(3));
            assertThat(leave.get("answered").asBoolean()).isFalse();
            assertThat(leave.get("section").isNull()).isTrue();
        }

        @Test
        void badInputIsHandledAsSearchHandlesIt_oneObjectPerLine() {
            String input = String.join("\n", "*:* AND OR ((( \"\\", "x ".repeat(20_000), "\u0000\u001b[2J", "😀😀", "", "!!!") + "\n";
            Run r = run(input, "ask", "--json");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.lines()).hasSize(6).allSatisfy(line -> assertThat(JSON.readTree(line).get("text").asString()).isNotBlank());
            assertThat(JSON.readTree(r.lines().get(1)).get("text").asString()).contains("I searched its first 1,000");
            assertThat(JSON.readTree(r.lines().get(4)).get("text").asString()).contains("Type a question");
        }

        @Test
        void withoutJsonFlagItExplainsUsage_andHelpListsIt() {
            assertThat(run("", "ask").code()).isEqualTo(2);
            assertThat(run("", "help").out()).contains("ask --json");
        }
    }

    @Nested
    class ContentCheck {

        @TempDir
        Path dir;

        @Test
        void theShippedFolderPassesAsItIsLaidOut() {
            Run r = run("", "content", "check", "../content/src/main/resources");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("24 sections")
                    .contains("(triage/triage.yml)")
                    .contains("search/synonyms.txt: OK", "search/danger.yml: 7 situations", "search/not-covered.yml: OK")
                    .contains("search/tuning.yml: weights for e5-small, minilm")
                    .contains("guidance/cards.yml: 6 cards", "guidance/sections.yml: OK")
                    .contains("routing/routing-example.yml: OK")
                    .contains("content OK");
        }

        @Test
        void aCopyOfTheShippedLayoutPassesAndItsProblemsAreNamedByTheirPlace() throws Exception {
            Path shipped = Path.of("../content/src/main/resources");
            for (String file : List.of("procedures/child-abuse-and-ict.md", "procedures/child-abuse-and-ict.alternates.yml",
                    "procedures/index.txt", "search/synonyms.txt", "search/not-covered.yml", "triage/triage.yml")) {
                Files.createDirectories(dir.resolve(file).getParent());
                Files.copy(shipped.resolve(file), dir.resolve(file));
            }
            assertThat(run("", "content", "check", dir.toString()).code()).isZero();

            Files.copy(dir.resolve("procedures/child-abuse-and-ict.md"), dir.resolve("procedures/online-safety.md"));
            Files.writeString(dir.resolve("search/danger.yml"), Files.readString(shipped.resolve("search/danger.yml"))
                    .replace("\npatterns:\n", "\npatterns:\n  - '(unclosed'\n"));
            Files.createDirectories(dir.resolve("routing"));
            Files.writeString(dir.resolve("routing/trust.yml"), "organisations: [\n");
            Run r = run("", "content", "check", dir.toString());

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out())
                    .contains("PROBLEM procedures/index.txt: does not list 'online-safety.md'")
                    .containsPattern("PROBLEM search/danger.yml:\\d+: patterns\\[0]: not a valid regular expression")
                    .contains("PROBLEM routing/trust.yml: ");
        }

        @Test
        void aFlatFolderOfProcedureFilesStillPasses() {
            Run r = run("", "content", "check", "../content/src/main/resources/procedures");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("24 sections").contains("(shipped definition)").contains("content OK");
        }

        @Test
        void aBrokenFolderIsRefusedWithEachProblemNamed() throws Exception {
            String procedure = Files.readString(Path.of("../content/src/main/resources/procedures/child-abuse-and-ict.md"));
            Files.writeString(dir.resolve("child-abuse-and-ict.md"), procedure.replace("## 4.4\n", "## 4.3\n"));
            Files.writeString(dir.resolve("danger.yml"), Files.readString(Path.of("../content/src/main/resources/search/danger.yml"))
                    .replace("\npatterns:\n", "\npatterns:\n  - '(unclosed'\n"));
            Run r = run("", "content", "check", dir.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("PROBLEM procedures").contains("'4.3' is used twice")
                    .containsPattern("PROBLEM danger.yml:\\d+: patterns\\[0]: not a valid regular expression");
        }

        @Test
        void aGuidanceCardFileIsCheckedAgainstTheFoldersSections_andEachProblemNamesItsLine() throws Exception {
            Files.copy(Path.of("../content/src/main/resources/procedures/child-abuse-and-ict.md"), dir.resolve("child-abuse-and-ict.md"));
            String cards = Files.readString(Path.of("../content/src/main/resources/guidance/cards.yml"));
            Files.createDirectories(dir.resolve("guidance"));
            Files.writeString(dir.resolve("guidance/cards.yml"), cards.replace("id: NO_SECRECY", "id: DO_NOT_SEARCH"));
            Run r = run("", "content", "check", dir.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).containsPattern("PROBLEM guidance/cards.yml:\\d+: cards\\[5]\\.id: card id 'DO_NOT_SEARCH' is already declared at line \\d+");

            Files.writeString(dir.resolve("guidance/cards.yml"), cards.replace("child-abuse-and-ict#7.2", "child-abuse-and-ict#7.9"));
            r = run("", "content", "check", dir.toString());
            assertThat(r.out()).containsPattern("PROBLEM guidance/cards.yml:\\d+: card IMAGES_DO_NOT_SHARE cites child-abuse-and-ict#7.9");
        }

        @Test
        void theShippedGuidanceFilesPass() throws Exception {
            Files.copy(Path.of("../content/src/main/resources/procedures/child-abuse-and-ict.md"), dir.resolve("child-abuse-and-ict.md"));
            Files.createDirectories(dir.resolve("guidance"));
            for (String file : List.of("guidance/cards.yml", "guidance/sections.yml")) {
                Files.copy(Path.of("../content/src/main/resources").resolve(file), dir.resolve(file));
            }
            Files.copy(Path.of("../content/src/main/resources/search/danger.yml"), dir.resolve("danger.yml"));
            Run r = run("", "content", "check", dir.toString());
            assertThat(r.code()).as(r.out()).isZero();
            assertThat(r.out()).contains("guidance/cards.yml: 6 cards").contains("danger.yml: 7 situations").contains("guidance/sections.yml: OK");
        }

        @Test
        void marginsForACardTheCardFileDoesNotDeclareAreAProblemNamingTheirLine() throws Exception {
            Files.copy(Path.of("../content/src/main/resources/procedures/child-abuse-and-ict.md"), dir.resolve("child-abuse-and-ict.md"));
            Files.createDirectories(dir.resolve("guidance"));
            Files.copy(Path.of("../content/src/main/resources/guidance/cards.yml"), dir.resolve("guidance/cards.yml"));
            String margins = Files.readString(Path.of("../content/src/main/resources/guidance/margins.yml"));
            Files.writeString(dir.resolve("guidance/margins.yml"), margins.replace("      NO_SECRECY:", "      NO_SECRETS:"));
            int line = margins.lines().toList().indexOf("      NO_SECRECY:") + 2;

            Run r = run("", "content", "check", dir.toString());

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("PROBLEM guidance/margins.yml:" + line + ": margins for card NO_SECRETS, which the card file does not declare");
        }

        @Test
        void aBadSearchWeightIsNamedWithItsFileAndLine() throws Exception {
            Files.copy(Path.of("../content/src/main/resources/procedures/child-abuse-and-ict.md"), dir.resolve("child-abuse-and-ict.md"));
            String tuning = Files.readString(Path.of("../content/src/main/resources/search/tuning.yml"));
            Files.createDirectories(dir.resolve("search"));
            Files.writeString(dir.resolve("search/tuning.yml"), tuning.replace("min-similarity: 0.84", "min-similarity: 0,84"));
            int line = tuning.lines().toList().indexOf("      min-similarity: 0.84") + 1;

            Run r = run("", "content", "check", dir.toString());

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("PROBLEM search/tuning.yml:" + line + ": models.e5-small.confidence.min-similarity: '0,84' is not a number");
        }

        @Test
        void triageCitationsMustNameSectionsOfTheFolder() throws Exception {
            String procedure = Files.readString(Path.of("../content/src/main/resources/procedures/child-abuse-and-ict.md"));
            int cut = procedure.indexOf("# 7. Secure Storage");
            Files.writeString(dir.resolve("child-abuse-and-ict.md"), procedure.substring(0, cut));
            Run r = run("", "content", "check", dir.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("PROBLEM triage").contains("7.1");
        }
    }

    @Nested
    class Triage {

        @Test
        void everyContractExamplePasses() throws Exception {
            List<String> lines = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    CliTest.class.getResourceAsStream("/triage-examples.jsonl"), StandardCharsets.UTF_8))) {
                in.lines().filter(l -> !l.isBlank()).forEach(lines::add);
            }
            assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
            for (String line : lines) {
                JsonNode example = JSON.readTree(line);
                Run r = run("", "triage", "--answers", JSON.writeValueAsString(example.get("answers")), "--at", example.get("at").asString());
                assertThat(r.code()).as(example.get("name").asString()).isZero();
                JsonNode outcome = JSON.readTree(r.out());
                List<String> codes = new ArrayList<>();
                outcome.get("actions").forEach(a -> codes.add(a.get("code").asString()));
                if (example.has("urgency")) {
                    assertThat(outcome.get("urgency").asString()).isEqualTo(example.get("urgency").asString());
                }
                if (example.has("actions")) {
                    List<String> listed = new ArrayList<>();
                    example.get("actions").forEach(a -> listed.add(a.asString()));
                    assertThat(codes).containsAll(listed).as("in owner order").containsSubsequence(listed);
                }
                if (example.has("not_actions")) {
                    example.get("not_actions").forEach(a -> assertThat(codes).doesNotContain(a.asString()));
                }
                if (example.has("notify")) {
                    List<String> notify = new ArrayList<>();
                    outcome.get("notify").forEach(n -> notify.add(n.asString()));
                    List<String> expected = new ArrayList<>();
                    example.get("notify").forEach(n -> expected.add(n.asString()));
                    assertThat(notify).containsExactlyInAnyOrderElementsOf(expected);
                }
                if (example.has("first")) {
                    assertThat(codes.get(0)).isEqualTo(example.get("first").asString());
                }
                if (example.has("next_question")) {
                    assertThat(outcome.get("next_question").asString()).isEqualTo(example.get("next_question").asString());
                } else {
                    assertThat(outcome.get("next_question").isNull()).isTrue();
                }
                outcome.get("actions").forEach(a -> assertThat(a.get("cites").size()).isPositive());
                List<String> owners = new ArrayList<>();
                outcome.get("actions").forEach(a -> owners.add(a.get("owner").asString()));
                assertThat(owners).allMatch(o -> List.of("reporter", "safeguarding_lead", "allegations_officer", "police")
                        .contains(o));
                assertThat(owners.stream().distinct().toList()).as("reporter, then DSL, then police")
                        .isSubsetOf(List.of("reporter", "safeguarding_lead", "police"))
                        .isSortedAccordingTo(java.util.Comparator.comparing(List.of("reporter", "safeguarding_lead",
                                "police")::indexOf));
            }
        }

        @Test
        void anAnswerOutsideTheListExitsNonZeroWithOneLine() {
            Run r = run("", "triage", "--answers", "{\"immediate_danger\":\"maybe\"}", "--at", "2026-12-07T09:15");
            assertThat(r.code()).isNotZero();
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains("immediate_danger");
            assertThat(r.out()).isEmpty();
        }

        @Test
        void badJsonAndBadTimesAreUsageErrors() {
            assertThat(run("", "triage", "--answers", "{not json", "--at", "2026-12-07T09:15").code()).isEqualTo(2);
            assertThat(run("", "triage", "--answers", "{}", "--at", "monday").err()).contains("not a local date-time");
            assertThat(run("", "triage", "--answers", "{}").code()).isEqualTo(2);
        }
    }
}
