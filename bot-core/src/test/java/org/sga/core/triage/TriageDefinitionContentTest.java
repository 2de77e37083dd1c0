package org.sga.core.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped triage definition keeps TRIAGE.md's ids and codes and cites only sections that exist. */
class TriageDefinitionContentTest {

    private static final TriageDefinition DEFINITION = TriageDefinition.fromClasspath();

    private static final Map<String, List<String>> CITES = Map.ofEntries(
            Map.entry("CALL_999", List.of("0", "4.4")),
            Map.entry("TELL_SAFEGUARDING_LEAD", List.of("0", "5.2")),
            Map.entry("DO_NOT_TIP_OFF", List.of("5.3", "6.1")),
            Map.entry("INFORM_MANAGER", List.of("0", "5.2")),
            Map.entry("SAFER_REFERRAL", List.of("2.4", "4.4")),
            Map.entry("CONTACT_POLICE", List.of("0", "4.4", "5.3")),
            Map.entry("PRESERVE_EVIDENCE", List.of("4.4", "7.2")),
            Map.entry("ALERT_PROVIDER", List.of("4.4")),
            Map.entry("CHILD_REMOVE_IMAGE", List.of("4.4")),
            Map.entry("HARMFUL_BEHAVIOUR_PROCEDURE", List.of("3.4")),
            Map.entry("ACCESS_TO_CHILDREN", List.of("1.4", "3.2", "5.3")),
            Map.entry("SHARE_WITHOUT_EVIDENCE", List.of("5.3")),
            Map.entry("ALLEGATIONS_PROCEDURE", List.of("6.1")),
            Map.entry("WHISTLEBLOWING", List.of("6.1")),
            Map.entry("SECURE_STORAGE", List.of("7.1", "7.2")),
            Map.entry("KEEP_MONITORING", List.of("3.1")),
            Map.entry("RECORD_INCIDENT", List.of("4.4")));

    @Test
    void givenTheShippedDefinition_thenEveryCitedSectionExistsInTheProcedure() {
        assertThat(DEFINITION.citations()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.document()).isEqualTo("child-abuse-and-ict");
            assertThat(KnownSections.CHILD_ABUSE_AND_ICT).contains(c.section());
        });
        assertThat(new TriageEngine(DEFINITION, KnownSections.CATALOG)).isNotNull();
    }

    @Test
    void givenACatalogueWithoutASectionItCites_thenTheEngineRefusesTheDefinitionNamingTheSection() {
        SectionCatalog without44 = c -> !c.section().equals("4.4");

        assertThatThrownBy(() -> new TriageEngine(DEFINITION, without44))
                .isInstanceOf(TriageDefinitionException.class)
                .hasMessageContaining("child-abuse-and-ict#4.4");
    }

    @Test
    void givenTheShippedDefinition_thenQuestionsAndAnswersAreThoseOfTriageMdInOrder() {
        assertThat(DEFINITION.questions()).extracting(Question::id)
                .containsExactlyElementsOf(TriageOracle.QUESTIONS.keySet());
        for (Question question : DEFINITION.questions()) {
            assertThat(question.values()).as(question.id())
                    .containsExactlyElementsOf(TriageOracle.QUESTIONS.get(question.id()));
            assertThat(question.prompt()).isNotBlank();
            assertThat(question.options()).allSatisfy(o -> assertThat(o.label()).isNotBlank());
        }
    }

    @Test
    void givenTheShippedDefinition_thenActionCodesAndCitesAreThoseOfTriageMd() {
        assertThat(DEFINITION.actions()).extracting(Action::code).containsExactlyInAnyOrderElementsOf(CITES.keySet());
        for (Action action : DEFINITION.actions()) {
            assertThat(action.cites()).as(action.code())
                    .containsExactlyElementsOf(CITES.get(action.code()).stream()
                            .map(s -> new Citation("child-abuse-and-ict", s)).toList());
        }
    }

    @Test
    void givenEachAction_thenItsTextNamesEverySectionItCites() {
        for (Action action : DEFINITION.actions()) {
            assertThat(action.title()).isNotBlank();
            for (Citation cite : action.cites()) {
                Pattern section = Pattern.compile("(?<![\\d.])" + Pattern.quote(cite.section()) + "(?![\\d])");
                assertThat(section.matcher(action.text()).find()).as("%s cites %s", action.code(), cite).isTrue();
            }
        }
    }

    @Test
    void givenTheDefinitionOrder_thenCall999IsTheFirstAction() {
        assertThat(DEFINITION.actions().getFirst().code()).isEqualTo("CALL_999");
    }

    @Test
    void givenTheShippedDefinition_thenOwnersAreThoseOfTriageMdInOrder() {
        assertThat(DEFINITION.owners()).containsExactlyElementsOf(TriageOracle.OWNERS);
        for (Action action : DEFINITION.actions()) {
            assertThat(action.owner()).as(action.code()).isEqualTo(TriageOracle.OWNER.get(action.code()));
        }
    }

    @Test
    void givenPreserveEvidence_thenItStartsWithDoNotView() {
        Action preserve = DEFINITION.actions().stream().filter(a -> a.code().equals("PRESERVE_EVIDENCE")).findFirst()
                .orElseThrow();

        assertThat(preserve.text()).startsWith("Do not view");
        assertThat(preserve.title()).startsWith("Do not view");
    }

    @Test
    void givenTheChildRemovalStep_thenItFollowsPoliceAdviceAndDoesNotBlameTheChild() {
        Action removal = DEFINITION.actions().stream().filter(a -> a.code().equals("CHILD_REMOVE_IMAGE")).findFirst()
                .orElseThrow();

        assertThat(removal.title() + " " + removal.text()).contains("police advise").contains("without blame")
                .doesNotContainIgnoringCase("warn").doesNotContainIgnoringCase("police action may follow");
    }

    @Test
    void givenEveryAction_thenNoneAsksTheReporterForPasswordsOrToDoThePolicesChecks() {
        for (Action action : DEFINITION.actions()) {
            if (action.owner().equals("reporter")) {
                assertThat(action.text()).as(action.code()).doesNotContainIgnoringCase("password")
                        .doesNotContainIgnoringCase("refer to the police")
                        .doesNotContainIgnoringCase("alert the site");
            }
        }
    }

    @Test
    void givenTheDangerRecheck_thenItAsksImmediateDangerAgainUnlessAlreadyYes() {
        assertThat(DEFINITION.dangerRecheck().question()).isEqualTo("immediate_danger");
        assertThat(DEFINITION.dangerRecheck().needed(Map.of("immediate_danger", "no"))).isTrue();
        assertThat(DEFINITION.dangerRecheck().needed(Map.of("immediate_danger", "unsure"))).isTrue();
        assertThat(DEFINITION.dangerRecheck().needed(Map.of("immediate_danger", "yes"))).isFalse();
    }

    @Test
    void givenNoRoutingOverride_thenAcknowledgementDeadlinesAreTheTriageMdDefaults() {
        assertThat(DEFINITION.acknowledgeWithin(Urgency.EMERGENCY)).isEqualTo(Duration.ofMinutes(5));
        assertThat(DEFINITION.acknowledgeWithin(Urgency.URGENT)).isEqualTo(Duration.ofMinutes(30));
        assertThat(DEFINITION.acknowledgeWithin(Urgency.STANDARD)).isEqualTo(Duration.ofHours(4));
        assertThat(DEFINITION.rounds(Urgency.EMERGENCY)).isEqualTo(3);
        assertThat(DEFINITION.rounds(Urgency.URGENT)).isEqualTo(3);
        assertThat(DEFINITION.rounds(Urgency.STANDARD)).isZero();
    }

    @Test
    void givenEachConcern_thenItHasACategoryLabel() {
        for (String value : TriageOracle.QUESTIONS.get("concern_about")) {
            assertThat(DEFINITION.categoryLabel(value)).as(value).get().asString().isNotBlank();
        }
    }
}
