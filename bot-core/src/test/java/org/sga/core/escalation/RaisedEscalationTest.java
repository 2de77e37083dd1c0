package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sga.core.triage.Role;
import org.sga.core.triage.Urgency;

class RaisedEscalationTest {

    private static RaisedEscalation escalation(String conversation, String backup) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("immediate_danger", "no");
        answers.put("concern_about", "colleague");
        answers.put("colleague_is_manager", "yes");
        return new RaisedEscalation("SG-20261207-K3F9QX", "brookfield-primary", ZoneId.of("Europe/London"),
                Instant.parse("2026-12-07T10:00:00Z"), true, Urgency.URGENT, Instant.parse("2026-12-07T10:30:00Z"),
                "A colleague \"quoted\" \\ (staff)", answers, List.of("ALLEGATIONS_PROCEDURE", "WHISTLEBLOWING"),
                new RaisedEscalation.ReporterAddress(Platform.SLACK, "U0EX1", conversation), true,
                List.of(new RaisedEscalation.NotifiedRole(Role.SAFEGUARDING_LEAD, Platform.SLACK, "C0EXDSL01", backup,
                                Map.of(Platform.SLACK, Set.of("U0EXDSL", "U0EXDEP"), Platform.TEAMS, Set.of()), "ab".repeat(32)),
                        new RaisedEscalation.NotifiedRole(Role.ALLEGATIONS_OFFICER, Platform.SLACK, "C0EXLADO", null,
                                Map.of(), "cd".repeat(32))),
                List.of(Role.OUT_OF_HOURS), List.of(Role.MANAGER));
    }

    @Test
    void givenAnEscalation_thenItsAuditPayloadReadsBackEqual() {
        RaisedEscalation written = escalation("D0EX1", "C0EXDSL02");

        RaisedEscalation read = RaisedEscalation.fromJson(written.toJson());

        assertThat(read).isEqualTo(written);
        assertThat(read.toJson()).isEqualTo(written.toJson());
    }

    @Test
    void givenNoConversationAndNoBackup_thenTheyReadBackAsAbsent() {
        RaisedEscalation read = RaisedEscalation.fromJson(escalation(null, null).toJson());

        assertThat(read.reporter().conversation()).isEmpty();
        assertThat(read.role(Role.SAFEGUARDING_LEAD).orElseThrow().backup()).isEmpty();
    }

    @Test
    void givenThePayload_thenItHoldsNoNoteTextButWhetherThereWasOne() {
        assertThat(escalation("D0EX1", null).toJson()).contains("\"note\":true").doesNotContain("Invented");
    }

    @Test
    void givenAcknowledgersListed_thenOnlyThoseOnTheirPlatformMayAcknowledge() {
        RaisedEscalation.NotifiedRole lead = escalation("D", null).role(Role.SAFEGUARDING_LEAD).orElseThrow();
        RaisedEscalation.NotifiedRole lado = escalation("D", null).role(Role.ALLEGATIONS_OFFICER).orElseThrow();

        assertThat(lead.mayAcknowledge(Platform.SLACK, "U0EXDSL")).isTrue();
        assertThat(lead.mayAcknowledge(Platform.SLACK, "U0EXOTHER")).isFalse();
        assertThat(lead.mayAcknowledge(Platform.CONSOLE, "U0EXDSL")).isFalse();
        assertThat(lado.mayAcknowledge(Platform.CONSOLE, "anyone")).isTrue();
    }

    @Test
    void givenSomethingElse_thenItIsRefused() {
        assertThatThrownBy(() -> RaisedEscalation.fromJson("{\"v\":\"9\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RaisedEscalation.fromJson("{\"ref\":\"SG-1\",\"urgency\":\"URGENT\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
