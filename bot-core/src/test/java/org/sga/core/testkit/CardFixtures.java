package org.sga.core.testkit;

import java.io.StringReader;
import org.sga.core.guidance.MeaningMargins;
import org.sga.core.search.EmbeddingModel;

/** A guidance card the shipped file does not have, and margins written as the content file gives them. */
public final class CardFixtures {

    private CardFixtures() {
    }

    /** A card the shipped file does not have: adding it is content, not code. */
    public static final String RECORD_CARD = """
            cards:
              - id: KEEP_A_RECORD
                title: Write it down
                first: Write down what you saw and heard, today.
                text: Note the date, the time and the child's own words, and give the note to your DSL.
                never: Never add your own guesses to the note.
                procedure: [child-abuse-and-ict#4.4]
                national:
                  - source: An invented publisher
                    title: Invented advice on records
                    year: 2025
                reviewed_by: A. Reviewer
                reviewed_on: 2026-12-01
                examples:
                  - how should I write up what the pupil told me
                patterns:
                  - '\\bwrite (it )?up\\b'
            none:
              - what is grooming
            """;

    /**
     * Labelled staff messages for {@link #RECORD_CARD}: three about sending an image on, which never quote §6.1 (one of
     * them §5.3 as well), and two about minutes, which never quote anything.
     */
    public static final String NEVER_QUOTING_LABELLED = """
            labelled:
              - {message: "can I forward the photo of the pupil to the DSL on whatsapp", cards: [], never_quote: [child-abuse-and-ict#6.1]}
              - {message: "should I screenshot the nude and email it to the head", cards: [], never_quote: [child-abuse-and-ict#6.1, child-abuse-and-ict#5.3]}
              - {message: "is it ok to send the image on to my manager so she can see it", cards: [], never_quote: [child-abuse-and-ict#6.1]}
              - {message: "how do I take the minutes of the governors meeting", cards: []}
              - {message: "where do we keep the minutes of staff meetings", cards: []}
            """;

    /** The e5 margins, as the file gives a model's, without cards of their own. */
    public static final String E5_MARGINS = """
              e5-small:
                closest: 3
                danger: -0.03
                danger-likelihood: 0.2
                without-cue: 0.03
                sentence: 0.01
                card: 0.5
                card-without-words: 0.9
                concern-spread: 0.03
                same-answer: 0.0
            """;

    /** The default model's margins from {@code e5} (a model's block as {@link #E5_MARGINS}), the other model's as the file's. */
    public static MeaningMargins margins(String e5) {
        return MeaningMargins.parse(new StringReader("models:\n" + e5 + E5_MARGINS.replace("e5-small", "minilm")), "margins.yml")
                .get(EmbeddingModel.DEFAULT);
    }
}
