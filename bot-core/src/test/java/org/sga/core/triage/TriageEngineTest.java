package org.sga.core.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriageEngineTest {

    private final TriageEngine engine = KnownSections.engine();

    @Nested
    class RefusingAnswers {

        @Test
        void givenAValueOutsideTheList_thenTheErrorNamesTheQuestionAndTheAllowedValues() {
            assertThatThrownBy(() -> engine.evaluate(Map.of("immediate_danger", "maybe")))
                    .isInstanceOfSatisfying(InvalidAnswerException.class, e -> {
                        assertThat(e.questionId()).isEqualTo("immediate_danger");
                        assertThat(e.allowedValues()).containsExactly("yes", "no", "unsure");
                    })
                    .hasMessageContaining("immediate_danger")
                    .hasMessageContaining("yes, no, unsure");
        }

        @Test
        void givenALabelInsteadOfAValue_thenItIsRefused() {
            assertThatThrownBy(() -> engine.evaluate(Map.of("immediate_danger", "Yes")))
                    .isInstanceOf(InvalidAnswerException.class);
        }

        @Test
        void givenAnUnknownQuestion_thenTheErrorNamesIt() {
            assertThatThrownBy(() -> engine.evaluate(Map.of("weather", "sunny")))
                    .isInstanceOfSatisfying(InvalidAnswerException.class,
                            e -> assertThat(e.questionId()).isEqualTo("weather"))
                    .hasMessageContaining("weather");
        }

        @Test
        void givenNoValue_thenItIsRefused() {
            Map<String, String> answers = new HashMap<>();
            answers.put("immediate_danger", null);

            assertThatThrownBy(() -> engine.evaluate(answers)).isInstanceOf(InvalidAnswerException.class);
        }

        @Test
        void givenColleagueIsManager_thenConfidentToTellManagerIsNotAsked() {
            Map<String, String> answers = Map.of("immediate_danger", "no", "concern_about", "colleague",
                    "images_involved", "no", "colleague_is_manager", "yes", "confident_to_tell_manager", "yes");

            assertThatThrownBy(() -> engine.evaluate(answers))
                    .isInstanceOfSatisfying(InvalidAnswerException.class,
                            e -> assertThat(e.questionId()).isEqualTo("confident_to_tell_manager"))
                    .hasMessageContaining("not asked");
        }
    }

    @Nested
    class Dialogue {

        @Test
        void givenNoAnswers_thenTheFirstQuestionIsImmediateDangerWithThreeOptions() {
            Question first = engine.nextQuestion(Map.of()).orElseThrow();

            assertThat(first.id()).isEqualTo("immediate_danger");
            assertThat(first.prompt()).isNotBlank();
            assertThat(first.options()).extracting(AnswerOption::value).containsExactly("yes", "no", "unsure");
        }

        @Test
        void givenAConcernAboutAColleague_thenTheColleagueQuestionsFollowTheImagesQuestion() {
            Map<String, String> answers = new HashMap<>(Map.of("immediate_danger", "no", "concern_about", "colleague"));
            assertThat(engine.nextQuestion(answers)).get().extracting(Question::id).isEqualTo("images_involved");
            answers.put("images_involved", "no");
            assertThat(engine.nextQuestion(answers)).get().extracting(Question::id).isEqualTo("colleague_is_manager");
            answers.put("colleague_is_manager", "no");
            assertThat(engine.nextQuestion(answers)).get().extracting(Question::id)
                    .isEqualTo("confident_to_tell_manager");
            answers.put("confident_to_tell_manager", "yes");
            assertThat(engine.nextQuestion(answers)).get().extracting(Question::id)
                    .isEqualTo("colleague_is_safeguarding_lead");
            answers.put("colleague_is_safeguarding_lead", "no");
            assertThat(engine.nextQuestion(answers)).isEmpty();
        }

        @ParameterizedTest(name = "\"{0}\" means {1}")
        @CsvSource(delimiter = '|', textBlock = """
                2              | child_harming
                ' 4 '          | colleague
                colleague      | colleague
                ADULT          | adult
                '  an adult outside WORK '  | adult
                foster carer   | colleague
                Staff          | colleague
                """)
        void givenWhatAPersonTyped_thenTheMeantValueIsFound(String typed, String value) {
            Question concern = engine.question("concern_about").orElseThrow();

            assertThat(concern.match(typed)).contains(value);
        }

        @ParameterizedTest(name = "\"{0}\" is not an answer")
        @CsvSource(delimiter = '|', textBlock = """
                0
                5
                -1
                a child being groomed
                colleague!
                ''
                """)
        void givenSomethingElse_thenThereIsNoMatch(String typed) {
            Question concern = engine.question("concern_about").orElseThrow();

            assertThat(concern.match(typed)).isEmpty();
            assertThat(concern.match(null)).isEmpty();
        }

        @ParameterizedTest(name = "\"{0}\" means {1}")
        @CsvSource(delimiter = '|', textBlock = """
                1        | yes
                y        | yes
                Yeah     | yes
                nope     | no
                not sure | unsure
                Not Sure | unsure
                don't know | unsure
                3        | unsure
                """)
        void givenAYesNoUnsureQuestion_thenCommonWordsAreAccepted(String typed, String value) {
            assertThat(engine.question("immediate_danger").orElseThrow().match(typed)).contains(value);
        }
    }

    @Nested
    class OutcomeSoFar {

        @Test
        void givenNoAnswers_thenUrgencyIsEmergencyUntilDangerIsRuledOut() {
            TriageOutcome outcome = engine.evaluate(Map.of());

            assertThat(outcome.urgency()).isEqualTo(Urgency.EMERGENCY);
            assertThat(outcome.nextQuestion()).isEqualTo("immediate_danger");
            assertThat(outcome.complete()).isFalse();
        }

        @Test
        void givenTheConcernIsNotYetKnown_thenTheManagerIsWithheld() {
            TriageOutcome outcome = engine.evaluate(Map.of("immediate_danger", "no"));

            assertThat(outcome.withheldRoles()).containsExactlyInAnyOrder(Role.MANAGER, Role.SAFEGUARDING_LEAD);
            assertThat(outcome.actionCodes()).doesNotContain("INFORM_MANAGER", "WHISTLEBLOWING");
        }

        @Test
        void givenAColleagueButNotYetWhoTheyAre_thenAllegationsOfficerIsEligibleAndManagerWithheld() {
            TriageOutcome outcome = engine.evaluate(Map.of("immediate_danger", "no", "concern_about", "colleague"));

            assertThat(outcome.rolesToNotify(true)).containsExactly(Role.ALLEGATIONS_OFFICER);
            assertThat(outcome.withheldRoles()).contains(Role.MANAGER, Role.SAFEGUARDING_LEAD);
            assertThat(outcome.concern()).contains("Colleague");
        }

        @Test
        void givenAnAdultWithNoImages_thenUrgencyIsStandardWithFourHoursToAcknowledge() {
            TriageOutcome outcome = engine.evaluate(Map.of("immediate_danger", "no", "concern_about", "adult",
                    "images_involved", "no"));

            assertThat(outcome.complete()).isTrue();
            assertThat(outcome.urgency()).isEqualTo(Urgency.STANDARD);
            assertThat(outcome.acknowledgeWithin()).hasHours(4);
            assertThat(outcome.actionCodes()).contains("SHARE_WITHOUT_EVIDENCE", "INFORM_MANAGER");
        }

        @Test
        void givenAnswersInAnyOrder_thenTheOutcomeListsThemInQuestionOrder() {
            TriageOutcome outcome = engine.evaluate(Map.of("images_involved", "no", "concern_about", "adult",
                    "immediate_danger", "no"));

            assertThat(outcome.answers().keySet())
                    .containsExactly("immediate_danger", "concern_about", "images_involved");
        }
    }

    @Nested
    class BrokenDefinitions {

        @ParameterizedTest(name = "{2}")
        @CsvSource(delimiter = '|', textBlock = """
                document: child-abuse-and-ict | document: child-abuse-and-ict\\nextra: 1 | extra: unknown key
                in: [yes, unsure]}\\n    acknowledge_within: 5m | in: [yes, maybe]}\\n    acknowledge_within: 5m | urgency[0].when.in: 'maybe' is not an answer to immediate_danger
                when: {flag: manager_route_closed}\\n    cites: [child-abuse-and-ict#6.1] | when: {flag: route_closed}\\n    cites: [child-abuse-and-ict#6.1] | actions[6].when.flag: no flag 'route_closed'
                cites: [child-abuse-and-ict#3.1] | cites: [child-abuse-and-ict/3.1] | actions[8].cites[0]: 'child-abuse-and-ict/3.1' is not of the form
                asked_when: {answer: images_involved, in: [yes, unsure]} | asked_when: {answer: colleague_is_manager, in: [yes]} | questions[3].asked_when.answer: no question 'colleague_is_manager' before this point
                - role: out_of_hours | - role: duty_team | roles[2].role: unknown role 'duty_team'
                level: STANDARD\\n    when: always | level: STANDARD\\n    when: {answer: immediate_danger, in: [no]} | urgency: the last rule must apply always
                accepts: [an adult, adult outside work] | accepts: [an adult, staff] | questions[1].answers[3]: 'staff' would mean both 'adult' and 'colleague'
                acknowledge_within: 30m | acknowledge_within: soon | urgency[1].acknowledge_within: 'soon' is not a duration
                """)
        void givenAMistakeInTheDefinition_thenLoadingFailsNamingTheKeyPath(String from, String to, String message)
                throws IOException {
            String yaml = shipped();
            String broken = yaml.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
            assertThat(broken).as("test edit applies").isNotEqualTo(yaml);

            assertThatThrownBy(() -> TriageDefinition.parse(new StringReader(broken), "test.yml"))
                    .isInstanceOf(TriageDefinitionException.class)
                    .hasMessageContaining(message);
        }

        @Test
        void givenADefinitionFile_thenTheEngineLoadsItFromThatPath(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("triage.yml");
            Files.writeString(file, shipped());

            TriageEngine fromFile = TriageEngine.fromPath(file, KnownSections.CATALOG);

            assertThat(fromFile.definition().questions()).hasSize(8);
        }

        @Test
        void givenNoFile_thenTheErrorNamesThePath(@TempDir Path dir) {
            Path missing = dir.resolve("none.yml");

            assertThatThrownBy(() -> TriageDefinition.load(missing))
                    .isInstanceOf(TriageDefinitionException.class)
                    .hasMessageContaining(missing.toString());
        }

        private static String shipped() throws IOException {
            try (InputStream in = TriageEngineTest.class.getResourceAsStream(TriageDefinition.CLASSPATH_RESOURCE)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
