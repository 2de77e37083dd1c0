package org.sga.core.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.sga.content.Library;
import org.sga.content.ProcedureLoader;

/**
 * Build step: embeds the shipped content (sections, alternate phrasings, topics not covered) into the file that the
 * jar carries as {@link CachedEmbedder#shippedResource}, so that a new instance answers without embedding anything.
 * Run by Maven before the tests; vectors already in the file are kept, so an unchanged content costs nothing.
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
        SectionIndex.build(library, ShippedIndex.synonyms(), embedder, model.weights(),
                NotCovered.parse(ShippedIndex.resource("search/not-covered.yml")));
        boolean saved = embedder.save();
        CachedEmbedder.awaitLoading(Duration.ofMinutes(2));
        if (!saved || !Files.isRegularFile(file)) {
            throw new IllegalStateException("could not write " + file);
        }
        System.out.printf("shipped embeddings for %s: %,d bytes in %.1f s%n", model.id(), file.toFile().length(),
                (System.nanoTime() - started) / 1e9);
    }
}
