package org.sga.core.guidance;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.yaml.LinedYaml;

/**
 * How close in meaning a message must be to example phrasings, and how likely a learned classifier must find it, per
 * embedding model (similarities of e5 lie in a narrow band high up, MiniLM's spread wide). Content data, in
 * {@code guidance/margins.yml}, which says what each value means and how it was chosen.
 *
 * @param closest          how many of a set's phrasings closest to the message its closeness averages
 * @param danger           a message at least this much closer to a danger situation than to the calm examples gets
 *                         the 999 line
 * @param dangerLikelihood and the danger classifier finds the message (or one of its sentences) more likely than this
 * @param withoutCue       subtracted when the message lacks the words its danger situation needs
 * @param card             a card applies when its classifier finds the message more likely than this about it and the
 *                         message has the words the card needs
 * @param cardWithoutWords or, for the message whole, more likely than this even without those words
 * @param concernSpread    kinds of concern within this of the closest kind are also what the message is about
 * @param sameAnswer       a section that says what to do, no more than this less similar to a question that asks what
 *                         to do than the best-ranked section (which only describes), is quoted instead
 * @param sentence         one sentence of a longer message, read on its own for danger, must be this much further from
 *                         the calm examples than the whole message would have to be
 */
public record MeaningMargins(int closest, double danger, double dangerLikelihood, double withoutCue, double card,
                            double cardWithoutWords, double concernSpread, double sameAnswer, double sentence) {

    public static final String FILE = "margins.yml";
    private static final Set<String> MODEL_KEYS = Set.of("closest", "danger", "danger-likelihood", "without-cue",
            "sentence", "card", "card-without-words", "concern-spread", "same-answer");

    /** The shipped margins for {@code model} ({@code guidance/margins.yml} on the class path). */
    public static MeaningMargins of(EmbeddingModel model) {
        return Shipped.MARGINS.get(model);
    }

    /** Read once, when first asked for. */
    private static final class Shipped {
        static final Map<EmbeddingModel, MeaningMargins> MARGINS = read();

        private static Map<EmbeddingModel, MeaningMargins> read() {
            var in = MeaningMargins.class.getClassLoader().getResourceAsStream("guidance/" + FILE);
            if (in == null) {
                throw new IllegalStateException("classpath:guidance/" + FILE + " is missing");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), FILE);
        }
    }

    /**
     * Reads {@code models: {MODEL: {closest, danger, ...}}}; every model the bot can use must be given. A bad value is a
     * problem naming {@code source}, the line and the key.
     */
    public static Map<EmbeddingModel, MeaningMargins> parse(Reader reader, String source) {
        LinedYaml root = LinedYaml.parse(reader, source).allowOnly(Set.of("models"));
        Map<EmbeddingModel, MeaningMargins> models = EmbeddingModel.perModel(root.get("models"), "margins", node -> {
            LinedYaml m = node.allowOnly(MODEL_KEYS);
            LinedYaml closest = m.get("closest");
            double k = closest.number(1, 50);
            if (k != Math.rint(k)) {
                throw closest.problem(closest.text() + " is not a whole number");
            }
            return new MeaningMargins((int) k, m.get("danger").number(-1, 1), m.get("danger-likelihood").number(0, 1),
                    m.get("without-cue").number(0, 1), m.get("card").number(0, 1), m.get("card-without-words").number(0, 1),
                    m.get("concern-spread").number(0, 1), m.get("same-answer").number(-1, 1), m.get("sentence").number(0, 1));
        });
        return Map.copyOf(models);
    }
}
