package org.sga.core.guidance;

import org.sga.core.conversation.Answers;
import org.sga.core.conversation.Assistant;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.search.ShippedIndex;

/**
 * The shipped danger check, guidance cards and section guidance, by meaning with the tests' one cached embedder, and
 * the assistant that answers with them as the bot does; built once per test JVM.
 */
public final class ShippedGuidance {

    private static final MeaningMargins MARGINS = MeaningMargins.of(EmbeddingModel.DEFAULT);

    public static final GuidanceCards CARDS = GuidanceCards.parse(ShippedIndex.resource("guidance/cards.yml"), "cards.yml")
            .withMeaning(ShippedIndex.EMBEDDER, MARGINS, ShippedIndex.LIBRARY, () -> { });
    public static final SectionGuidance SECTIONS = SectionGuidance.parse(ShippedIndex.resource("guidance/sections.yml"),
            "sections.yml").withMeaning(ShippedIndex.EMBEDDER, MARGINS, () -> { });
    public static final DangerSignals DANGER = DangerSignals.parse(ShippedIndex.resource("search/danger.yml"), "danger.yml")
            .withMeaning(ShippedIndex.EMBEDDER, MARGINS, CARDS.phrasings(), () -> { });
    public static final Answers ANSWERS = new Answers(ShippedIndex.LIBRARY, CARDS, SECTIONS, ShippedIndex.EMBEDDER);
    public static final Assistant ASSISTANT = new Assistant(ShippedIndex.HYBRID, ANSWERS, DANGER);

    private ShippedGuidance() {
    }
}
