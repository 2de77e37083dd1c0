package org.sga.app.settings;

/**
 * The sentence-embedding model ({@code sga.embedding.*}). Its cache of the content's vectors is in the data folder.
 *
 * @param model {@code SGA_EMBEDDING_MODEL}: {@code e5-small} (the default) or {@code minilm}; checked when the model
 *              is first needed, so that tools which need none still run
 */
public record EmbeddingProperties(String model) {
}
