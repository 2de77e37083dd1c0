package org.sga.core.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule of TRIAGE.md's tables, checked over every combination of answers the questions allow. */
class TriageRulesTest {

    private static final TriageEngine ENGINE = KnownSections.engine();
    private static final List<Map<String, String>> COMPLETE = TriageOracle.completeAnswers();

    @Test
    void givenTheQuestionsOfTriageMd_thenThereAreAFewHundredCompleteCombinations() {
        assertThat(COMPLETE).hasSizeBetween(100, 1000);
    }

    @Nested
    class CompleteAnswers {

        @Test
        void givenEveryCompleteCombination_thenNoQuestionIsLeft() {
            for (Map<String, String> answers : COMPLETE) {
                assertThat(ENGINE.evaluate(answers).nextQuestion()).as("%s", answers).isNull();
                assertThat(ENGINE.nextQuestion(answers)).as("%s", answers).isEmpty();
            }
        }

        @Test
        void givenEveryCompleteCombination_thenActionsAreThoseOfTheActionsTableInItsOrder() {
            for (Map<String, String> answers : COMPLETE) {
                assertThat(ENGINE.evaluate(answers).actionCodes()).as("%s", answers)
                        .containsExactlyElementsOf(TriageOracle.actions(answers))
                        .doesNotHaveDuplicates();
            }
        }

        @Test
        void givenEveryCompleteCombination_thenEachActionHasTheOwnerOfTheActionsTable() {
            for (Map<String, String> answers : COMPLETE) {
                for (Action action : ENGINE.evaluate(answers).actions()) {
                    assertThat(action.owner()).as("%s %s", action.code(), answers)
                            .isEqualTo(TriageOracle.owner(action.code(), answers));
                }
            }
        }

        @Test
        void givenEveryCompleteCombination_thenTheReportersActionsComeFirstThenTheDslsThenThePolices() {
            for (Map<String, String> answers : COMPLETE) {
                List<ActionGroup> groups = ENGINE.evaluate(answers).actionGroups();
                String dslPart = TriageOracle.dslIsSubject(answers) ? "allegations_officer" : "safeguarding_lead";
                List<String> expected = new ArrayList<>(List.of("reporter", dslPart, "police"));
                expected.removeIf(owner -> groups.stream().noneMatch(g -> g.owner().equals(owner)));
                assertThat(groups).as("%s", answers).extracting(ActionGroup::owner).containsExactlyElementsOf(expected);
                assertThat(groups.getFirst().owner()).isEqualTo("reporter");
                for (ActionGroup group : groups) {
                    assertThat(group.actions()).isNotEmpty().allSatisfy(a -> assertThat(a.owner()).isEqualTo(group.owner()));
                }
            }
        }

        @Test
        void givenEveryCompleteCombination_thenTheHeadingsAreThoseOfTriageMd() {
            Map<String, String> headings = Map.of("reporter", "What you do now",
                    "safeguarding_lead", "What the DSL will do",
                    "allegations_officer", "What the allegations officer will do",
                    "police", "What the police will do");
            for (Map<String, String> answers : COMPLETE) {
                for (ActionGroup group : ENGINE.evaluate(answers).actionGroups()) {
                    assertThat(group.heading()).as("%s", answers).isEqualTo(headings.get(group.owner()));
                }
            }
        }

        @Test
        void givenAnActionTheDslOrTheAllegationsOfficerOwns_thenItSaysTheReporterDoesItIfTheyCannotBeReached() {
            for (Map<String, String> answers : COMPLETE) {
                for (Action action : ENGINE.evaluate(answers).actions()) {
                    switch (action.owner()) {
                        case "safeguarding_lead" -> assertThat(action.text()).as(action.code())
                                .contains("If the DSL cannot be reached, do this yourself");
                        case "allegations_officer" -> assertThat(action.text()).as(action.code())
                                .contains("If the allegations officer cannot be reached, do this yourself");
                        default -> assertThat(action.text()).as(action.code()).doesNotContain("cannot be reached");
                    }
                }
            }
        }

        @Test
        void givenCall999Applies_thenItIsTheFirstAction() {
            for (Map<String, String> answers : COMPLETE) {
                List<String> codes = ENGINE.evaluate(answers).actionCodes();
                if (codes.contains("CALL_999")) {
                    assertThat(codes.getFirst()).as("%s", answers).isEqualTo("CALL_999");
                }
            }
        }

        @Test
        void givenEveryCompleteCombination_thenUrgencyIsThatOfTheUrgencyTable() {
            for (Map<String, String> answers : COMPLETE) {
                assertThat(ENGINE.evaluate(answers).urgency()).as("%s", answers)
                        .isEqualTo(TriageOracle.urgency(answers));
            }
        }

        @Test
        void givenEveryCompleteCombination_thenRolesNotifiedInsideAndOutsideOfficeHoursAreThoseOfTheRolesTable() {
            for (Map<String, String> answers : COMPLETE) {
                TriageOutcome outcome = ENGINE.evaluate(answers);
                assertThat(outcome.rolesToNotify(true)).as("inside %s", answers)
                        .containsExactlyInAnyOrderElementsOf(TriageOracle.notify(answers, true));
                assertThat(outcome.rolesToNotify(false)).as("outside %s", answers)
                        .containsExactlyInAnyOrderElementsOf(TriageOracle.notify(answers, false));
            }
        }

        @Test
        void givenManagerRouteClosed_thenManagerIsWithheldAndNeverEligible() {
            int closed = 0;
            for (Map<String, String> answers : COMPLETE) {
                TriageOutcome outcome = ENGINE.evaluate(answers);
                boolean routeClosed = TriageOracle.managerRouteClosed(answers);
                assertThat(outcome.withheldRoles().contains(Role.MANAGER)).as("%s", answers).isEqualTo(routeClosed);
                if (routeClosed) {
                    closed++;
                    assertThat(outcome.eligibleRoles()).extracting(EligibleRole::role).doesNotContain(Role.MANAGER);
                }
            }
            assertThat(closed).isPositive();
        }

        @Test
        void givenTheDslIsTheSubject_thenTheDslIsWithheldAndNeverEligible_andTheGovernanceLeadIsNotified() {
            int subject = 0;
            for (Map<String, String> answers : COMPLETE) {
                TriageOutcome outcome = ENGINE.evaluate(answers);
                boolean dsl = TriageOracle.dslIsSubject(answers);
                assertThat(outcome.withheldRoles().contains(Role.SAFEGUARDING_LEAD)).as("%s", answers).isEqualTo(dsl);
                if (dsl) {
                    subject++;
                    assertThat(outcome.eligibleRoles()).extracting(EligibleRole::role)
                            .doesNotContain(Role.SAFEGUARDING_LEAD).contains(Role.GOVERNANCE_LEAD, Role.ALLEGATIONS_OFFICER);
                    assertThat(outcome.actionCodes()).doesNotContain("TELL_SAFEGUARDING_LEAD");
                }
            }
            assertThat(subject).isPositive();
        }

        @Test
        void givenEveryCompleteCombination_thenTheRoundsAreThreeForEmergencyAndUrgentAndNoneForStandard() {
            for (Map<String, String> answers : COMPLETE) {
                TriageOutcome outcome = ENGINE.evaluate(answers);
                assertThat(outcome.rounds()).as("%s", answers).isEqualTo(outcome.urgency() == Urgency.STANDARD ? 0 : 3);
            }
        }

        @Test
        void givenAnAnswerToAQuestionThatIsNotAsked_thenItIsRefusedNamingTheQuestion() {
            for (Map<String, String> answers : COMPLETE) {
                for (var question : TriageOracle.QUESTIONS.entrySet()) {
                    if (answers.containsKey(question.getKey())) {
                        continue;
                    }
                    Map<String, String> extra = new LinkedHashMap<>(answers);
                    extra.put(question.getKey(), question.getValue().getFirst());
                    assertThatThrownBy(() -> ENGINE.evaluate(extra)).as("%s", extra)
                            .isInstanceOfSatisfying(InvalidAnswerException.class,
                                    e -> assertThat(e.questionId()).isEqualTo(question.getKey()))
                            .hasMessageContaining(question.getKey());
                }
            }
        }
    }

    @Nested
    class UnfinishedAnswers {

        @Test
        void givenEveryPrefixInDialogueOrder_thenTheNextQuestionIsTheNextOneAsked() {
            for (Map<String, String> complete : COMPLETE) {
                List<String> ids = new ArrayList<>(complete.keySet());
                for (int k = 0; k < ids.size(); k++) {
                    assertThat(ENGINE.evaluate(prefix(complete, k)).nextQuestion()).as("%s after %d", complete, k)
                            .isEqualTo(ids.get(k));
                }
            }
        }

        @Test
        void givenEveryPrefix_thenWhatIsShownSoFarStillHoldsWhenTheAnswersAreComplete() {
            for (Map<String, String> complete : COMPLETE) {
                TriageOutcome end = ENGINE.evaluate(complete);
                for (int k = 0; k < complete.size(); k++) {
                    TriageOutcome soFar = ENGINE.evaluate(prefix(complete, k));
                    assertThat(end.actionCodes()).as("%s after %d", complete, k).containsAll(soFar.actionCodes());
                    assertThat(end.eligibleRoles()).containsAll(soFar.eligibleRoles());
                    assertThat(soFar.withheldRoles()).containsAll(end.withheldRoles());
                    assertThat(soFar.urgency()).isLessThanOrEqualTo(end.urgency());
                }
            }
        }

        private static Map<String, String> prefix(Map<String, String> answers, int size) {
            Map<String, String> prefix = new LinkedHashMap<>();
            answers.entrySet().stream().limit(size).forEach(e -> prefix.put(e.getKey(), e.getValue()));
            return prefix;
        }
    }
}
