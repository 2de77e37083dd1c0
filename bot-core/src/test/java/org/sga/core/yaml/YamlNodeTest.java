package org.sga.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlNodeTest {

    private static YamlNode parse(String yaml) {
        return YamlNode.parse(new StringReader(yaml), "test.yml");
    }

    @Nested
    class Scalars {

        @Test
        void givenYamlOneOneBooleans_thenTheyStayText() {
            YamlNode root = parse("a: yes\nb: no\nc: on\nd: off\ne: [y, n]");

            assertThat(root.get("a").text()).isEqualTo("yes");
            assertThat(root.get("b").text()).isEqualTo("no");
            assertThat(root.get("c").text()).isEqualTo("on");
            assertThat(root.get("d").text()).isEqualTo("off");
            assertThat(root.get("e").texts()).containsExactly("y", "n");
        }

        @Test
        void givenTimesAndDates_thenTheyStayTextInsteadOfSexagesimalNumbers() {
            YamlNode root = parse("end: 17:00\nstart: 09:00\nday: 2026-12-28");

            assertThat(root.get("end").text()).isEqualTo("17:00");
            assertThat(root.get("start").text()).isEqualTo("09:00");
            assertThat(root.get("day").text()).isEqualTo("2026-12-28");
        }

        @ParameterizedTest(name = "{0} is {1} seconds")
        @CsvSource({"5m, 300", "30m, 1800", "4h, 14400", "90s, 90", "1d, 86400", "PT5M, 300"})
        void givenADuration_thenShortAndIsoFormsAreRead(String text, long seconds) {
            assertThat(parse("d: " + text).get("d").duration()).isEqualTo(Duration.ofSeconds(seconds));
        }

        @Test
        void givenAZeroDuration_thenItIsRefused() {
            assertThatThrownBy(() -> parse("d: 0m").get("d").duration()).hasMessageStartingWith("d: ");
        }
    }

    @Nested
    class Errors {

        @Test
        void givenAMisspeltKey_thenTheErrorNamesItsPath() {
            YamlNode root = parse("teams:\n  - id: a\n    nmae: b");

            assertThatThrownBy(() -> root.get("teams").items().get(0).allowOnly(Set.of("id", "name")))
                    .isInstanceOf(YamlProblem.class)
                    .hasMessageStartingWith("teams[0].nmae: unknown key");
        }

        @Test
        void givenAMissingKey_thenTheErrorNamesItsPath() {
            assertThatThrownBy(() -> parse("roles:\n  manager: {}").get("roles").get("manager").get("channel").text())
                    .hasMessage("roles.manager.channel: missing");
        }

        @Test
        void givenADuplicateKey_thenTheDocumentIsRefused() {
            assertThatThrownBy(() -> parse("a: 1\na: 2")).isInstanceOf(YamlProblem.class)
                    .hasMessageContaining("test.yml");
        }

        @Test
        void givenAListWhereTextIsExpected_thenTheErrorSaysSo() {
            assertThatThrownBy(() -> parse("a: [1, 2]").get("a").text()).hasMessage("a: expected a single value");
        }
    }
}
