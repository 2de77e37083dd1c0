package org.sga.core.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void givenPlainText_thenItIsQuotedAsItIs() {
        assertThat(JsonText.quote("Year 9 – form room")).isEqualTo("\"Year 9 – form room\"");
    }

    @Test
    void givenQuotesBackslashesAndLineBreaks_thenTheyAreEscaped() {
        assertThat(JsonText.quote("say \"hi\"\\\n\r\t")).isEqualTo("\"say \\\"hi\\\"\\\\\\n\\r\\t\"");
    }

    @Test
    void givenControlCharactersAndLineSeparators_thenTheyAreWrittenAsUnicodeEscapes() {
        assertThat(JsonText.quote("a\u0000b\u001fc\u007fd\u2028e\u2029f"))
                .isEqualTo("\"a\\u0000b\\u001fc\\u007fd\\u2028e\\u2029f\"");
    }

    @Test
    void givenNoValue_thenItIsJsonNull() {
        assertThat(JsonText.quote(null)).isEqualTo("null");
    }

    @Test
    void givenTexts_thenTheyAreAnArrayInTheirOrder() {
        assertThat(JsonText.array(List.of("b", "a\""))).isEqualTo("[\"b\",\"a\\\"\"]");
        assertThat(JsonText.array(List.of())).isEqualTo("[]");
    }
}
