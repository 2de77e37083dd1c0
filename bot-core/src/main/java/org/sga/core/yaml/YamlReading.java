package org.sga.core.yaml;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/** How both node types read a document: a key given twice is an error, and a failure names the source. */
final class YamlReading {

    private YamlReading() {
    }

    /**
     * The longest document read, in code points: SnakeYAML's default (3 Mi) is smaller than the cards' file with its
     * labelled staff messages; a content file this long is a mistake, not content.
     */
    static final int LONGEST = 16 * 1024 * 1024;

    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(LONGEST);
        return options;
    }

    /** Runs {@code parse} on {@code reader}, closes it, and turns what goes wrong into a {@link YamlProblem}. */
    static <T> T read(Reader reader, String source, Function<Reader, T> parse) {
        try (reader) {
            return parse.apply(reader);
        } catch (YAMLException e) {
            throw new YamlProblem(source + ": not valid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new YamlProblem(source + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
