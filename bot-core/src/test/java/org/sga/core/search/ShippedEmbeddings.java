package org.sga.core.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.sga.content.Library;
import org.sga.content.ProcedureLoader;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.guidance.GuidanceCards;
import org.sga.core.guidance.MeaningMargins;
import org.sga.core.guidance.SectionGuidance;

/**
 * Build step: embeds the shipped content (sections, alternate phrasings, topics not covered, and the example phrasings
 * of the danger situations, guidance cards and kinds of concern) into the file that the
 * jar carries as {@link CachedEmbedder#shippedResource}, so that a new instance answers without embedding anything.
 * Run by Maven before the tests; vectors already in the file are kept, so an unchanged content costs nothing, and
 * those the content no longer asks for are left out.
 */
public final class ShippedEmbeddings {

    private ShippedEmbeddings() {
    }

    /** {@code args[0]}: the build's class output folder. */
    public static void main(String[] args) {
        EmbeddingModel model = EmbeddingModel.DEFAULT;
        Path file = Path.of(args[0]).resolve(CachedEmbedder.shippedResource(model.id()));
        long started = System.nanoTime();
        CachedEmbedder embedder = new CachedEmbedder(model.id(), model::load, file);
        Library library = ProcedureLoader.fromClasspath();
        SectionIndex.build(library, ShippedIndex.synonyms(), SearchOptions.hybrid(embedder, SearchTuning.shipped().weights(model),
                NotCovered.parse(ShippedIndex.resource("search/not-covered.yml"))));
        // The guidance's example phrasings (danger situations, cards, kinds of concern) are shipped content too.
        MeaningMargins margins = MeaningMargins.of(model);
        // A second view (of the danger check, of the cards), when the margins name one, ships what it learned only (see
        // saveDerivedOnly); both read with one second model. The model itself, named as the second too, keeps what it
        // learned with its own vectors.
        EmbeddingModel dangerSecond = margins.dangerSecondModel();
        EmbeddingModel cardsSecond = margins.cardsSecondModel();
        EmbeddingModel secondModel = oneModel("second", dangerSecond, cardsSecond);
        Path secondFile = secondModel == null || secondModel == model ? null
                : Path.of(args[0]).resolve(CachedEmbedder.shippedResource(secondModel.id()));
        CachedEmbedder second = secondModel == model ? embedder
                : secondFile == null ? null : new CachedEmbedder(secondModel.id(), secondModel::load, secondFile);
        // A third view (of the cards, of the danger check) ships what it learned only, in a file of its own model; both
        // read with one third model.
        EmbeddingModel dangerThird = margins.dangerThirdModel();
        EmbeddingModel cardsThird = margins.cardsThirdModel();
        EmbeddingModel thirdModel = oneModel("third", dangerThird, cardsThird);
        if (thirdModel == model || thirdModel == secondModel && thirdModel != null) {
            throw new IllegalStateException("a third view must read with a model of its own, not " + thirdModel.id());
        }
        Path thirdFile = thirdModel == null ? null : Path.of(args[0]).resolve(CachedEmbedder.shippedResource(thirdModel.id()));
        CachedEmbedder third = thirdFile == null ? null : new CachedEmbedder(thirdModel.id(), thirdModel::load, thirdFile);
        GuidanceCards cards = GuidanceCards.parse(ShippedIndex.resource("guidance/cards.yml"), "cards.yml")
                .withMeaning(embedder, cardsSecond == null ? null : second, cardsThird == null ? null : third, margins, library,
                        () -> { }).prepared();
        DangerSignals.parse(ShippedIndex.resource("search/danger.yml"), "danger.yml")
                .withMeaning(embedder, dangerSecond == null ? null : second, dangerThird == null ? null : third, margins,
                        cards.phrasings(), () -> { }).prepared();
        SectionGuidance.parse(ShippedIndex.resource("guidance/sections.yml"), "sections.yml")
                .withMeaning(embedder, margins, () -> { }).prepared();
        boolean saved = embedder.saveAskedOnly();
        boolean secondSaved = secondFile == null || second.saveDerivedOnly();
        boolean thirdSaved = thirdFile == null || third.saveDerivedOnly();
        CachedEmbedder.awaitLoading(Duration.ofMinutes(2));
        if (!saved || !Files.isRegularFile(file)) {
            throw new IllegalStateException("could not write " + file);
        }
        if (!secondSaved || secondFile != null && !Files.isRegularFile(secondFile)) {
            throw new IllegalStateException("could not write " + secondFile);
        }
        if (!thirdSaved || thirdFile != null && !Files.isRegularFile(thirdFile)) {
            throw new IllegalStateException("could not write " + thirdFile);
        }
        System.out.printf("shipped embeddings for %s: %,d bytes in %.1f s%n", model.id(), file.toFile().length(),
                (System.nanoTime() - started) / 1e9);
        if (secondFile != null) {
            System.out.printf("the second view, for %s: %,d bytes%n", secondModel.id(), secondFile.toFile().length());
        }
        if (thirdFile != null) {
            System.out.printf("the third view, for %s: %,d bytes%n", thirdModel.id(), thirdFile.toFile().length());
        }
    }

    /** The model a view of the danger check and the cards reads with: both name the same one, or only one names any. */
    private static EmbeddingModel oneModel(String view, EmbeddingModel danger, EmbeddingModel cards) {
        if (danger != null && cards != null && danger != cards) {
            throw new IllegalStateException("the danger check and the cards name different " + view + " models: "
                    + danger.id() + " and " + cards.id());
        }
        return danger != null ? danger : cards;
    }
}
