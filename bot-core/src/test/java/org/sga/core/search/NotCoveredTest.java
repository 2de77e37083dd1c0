package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class NotCoveredTest {

    @Test
    void aTopicWithoutPhrasingsIsRefusedByName() {
        assertThatThrownBy(() -> NotCovered.parse(new StringReader("topics:\n  - name: Empty\n")))
                .hasMessageContaining("topics[0]").hasMessageContaining("needs a name and a list of phrases");
    }
}
