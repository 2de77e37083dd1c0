package org.sga.core.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sga.core.escalation.Platform;

/** The ids settings, routing files and audit records use are fixed: renaming a constant must not change them. */
class IdsTest {

    @Test
    void rolesAreNamedAsInTriageMd() {
        assertThat(Arrays.stream(Role.values()).map(Role::id))
                .containsExactly("manager", "safeguarding_lead", "out_of_hours", "allegations_officer", "governance_lead");
        assertThat(Role.fromId("out_of_hours")).contains(Role.OUT_OF_HOURS);
        assertThat(Role.fromId("OUT_OF_HOURS")).isEmpty();
    }

    @Test
    void hoursAreNamedAsInTheTriageDefinition() {
        assertThat(Arrays.stream(Hours.values()).map(Hours::id)).containsExactly("any", "inside", "outside");
        assertThat(Hours.fromId("inside")).contains(Hours.INSIDE);
    }

    @Test
    void platformsAreNamedAsInSettingsAndRouting() {
        assertThat(Arrays.stream(Platform.values()).map(Platform::id)).containsExactly("slack", "teams", "console");
        assertThat(Platform.fromId("teams")).contains(Platform.TEAMS);
        assertThat(Platform.fromId("Teams")).isEmpty();
    }
}
