package org.sga.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.regex.Pattern;
import org.sga.core.yaml.LinedYaml;
import org.sga.core.yaml.YamlProblem;
import org.junit.jupiter.api.Test;

class SituationReaderTest {

    private static final String FILE = """
            cues:
              image: \\b(pics?|nudes?|photos?)\\b
              adult: \\b(man|adult|online)\\b
            one: image
            both: [image, adult]
            unknown: [image, colleague]
            none: []
            """;

    private static LinedYaml root() {
        return LinedYaml.parse(new StringReader(FILE), "cards.yml");
    }

    private static Pattern cue(String key) {
        LinedYaml root = root();
        return new SituationReader(root.get("cues")).cue(root.get(key));
    }

    @Test
    void givenOneCueName_thenTheMessageNeedsItsWords() {
        assertThat(cue("one").matcher("she sent nudes").find()).isTrue();
        assertThat(cue("one").matcher("a man asked her to meet").find()).isFalse();
    }

    @Test
    void givenAListOfCueNames_thenTheMessageNeedsTheWordsOfEveryOneInAnyOrder() {
        Pattern both = cue("both");
        assertThat(both.matcher("a man online asked her for nudes").find()).isTrue();
        assertThat(both.matcher("nudes: a man asked for them").find()).isTrue();
        assertThat(both.matcher("two year 10s swapped nudes").find()).isFalse();
        assertThat(both.matcher("a man asked her to meet").find()).isFalse();
    }

    @Test
    void givenAListNamingAnUnknownCueOrNone_thenTheProblemNamesItsLine() {
        assertThatThrownBy(() -> cue("unknown")).isInstanceOf(YamlProblem.class)
                .hasMessage("cards.yml:6: unknown[1]: no cue named 'colleague' (cues: image, adult)");
        assertThatThrownBy(() -> cue("none")).isInstanceOf(YamlProblem.class)
                .hasMessageStartingWith("cards.yml:7: none: names no cue");
    }
}
