package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReferencesTest {

    @Test
    void givenADay_thenTheReferenceCarriesItAndSixReadableCharacters() {
        String ref = new References().next(LocalDate.of(2026, 12, 7));

        assertThat(ref).startsWith("SG-20261207-").hasSize(18);
        assertThat(ref.substring(12)).doesNotContain("0", "O", "1", "I");
        assertThat(References.isWellFormed(ref)).isTrue();
    }

    @Test
    void givenTenThousandReferencesOfOneDay_thenTheyDiffer() {
        References references = new References(new SplittableRandom(7));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(references.next(LocalDate.of(2026, 12, 7)));
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void givenAReferenceTypedInLowerCaseWithSpaces_thenItIsNormalised() {
        assertThat(References.normalise("  sg-20261207-k3f9qx ")).isEqualTo("SG-20261207-K3F9QX");
        assertThat(References.isWellFormed("SG-20261207-K3F9Q0")).isFalse();
    }
}
