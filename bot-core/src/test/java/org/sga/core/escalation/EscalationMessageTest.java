package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sga.core.triage.Role;
import org.sga.core.triage.Urgency;

class EscalationMessageTest {

    private static final ZonedDateTime RAISED = ZonedDateTime.of(2026, 12, 7, 14, 5, 0, 0, ZoneId.of("Europe/London"));

    private static EscalationMessage message(String note) {
        return new EscalationMessage("SG-20261207-K3F9QX", Role.SAFEGUARDING_LEAD, Urgency.URGENT,
                "A child who is being harmed or is at risk online",
                List.of(new EscalationMessage.Answered("Is a child in immediate danger right now?", "No")),
                List.of(new EscalationMessage.ActionList("The reporter has been asked to", List.of("Do not view, copy or forward the images")),
                        new EscalationMessage.ActionList("For the DSL", List.of("Refer to the police"))),
                "Sam Example (U0EX1)", RAISED,
                RAISED.plusMinutes(30), note);
    }

    @Nested
    class Content {

        @Test
        void givenAnEscalation_thenTheNoticeHasReferenceUrgencyConcernAnswersActionsReporterAndLocalTime() {
            String text = message(null).text();

            assertThat(text).contains("[URGENT] Safeguarding escalation SG-20261207-K3F9QX",
                    "For: Designated safeguarding lead", "Concern: A child who is being harmed or is at risk online",
                    "Mon 7 Dec 2026 14:05 GMT by Sam Example (U0EX1)", "- Is a child in immediate danger right now? No",
                    "The reporter has been asked to:\n- Do not view, copy or forward the images\n",
                    "For the DSL:\n- Refer to the police\n",
                    "Acknowledge by 14:35: ack SG-20261207-K3F9QX safeguarding_lead");
        }

        @Test
        void givenNoNote_thenThereIsNoNoteSection() {
            assertThat(message(null).text()).doesNotContain("Note from the reporter");
            assertThat(message("   ").text()).doesNotContain("Note from the reporter");
        }

        @Test
        void givenANote_thenItIsCarriedWithoutControlCharacters() {
            String text = message("Invented note:\u001b[2J seen at 10:00\r\nby the gate").text();

            assertThat(text).contains("Note from the reporter:\nInvented note:[2J seen at 10:00\nby the gate")
                    .doesNotContain("\u001b", "\r");
        }

        @Test
        void givenASummerTime_thenTheTimeIsShownInBritishSummerTime() {
            ZonedDateTime summer = ZonedDateTime.of(2026, 7, 1, 9, 0, 0, 0, ZoneId.of("Europe/London"));
            String text = new EscalationMessage("SG-1", Role.MANAGER, Urgency.STANDARD, null, List.of(), List.of(), "U1",
                    summer, summer.plusHours(16), null).text();

            assertThat(text).contains("Wed 1 Jul 2026 09:00 BST", "Acknowledge by Thu 2 Jul 01:00", "Concern: not given");
        }
    }

    @Test
    void givenANoteOverTheLimit_thenItIsRefused() {
        assertThatThrownBy(() -> message("x".repeat(EscalationMessage.MAX_NOTE + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
