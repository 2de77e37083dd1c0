package org.sga.core.values;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void givenEveryValue_thenPresentAcceptsThem() {
        assertThatCode(() -> Check.present("type, ref, at", "note", "SG-1", 3)).doesNotThrowAnyException();
    }

    @Test
    void givenANull_thenPresentNamesItByItsPlace() {
        assertThatThrownBy(() -> Check.present("type, ref, at", "note", null, 3))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ref");
        assertThatThrownBy(() -> Check.present("type,ref,at", "note", "SG-1", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("at");
    }
}
