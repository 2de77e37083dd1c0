package org.sga.core.search;

import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads an embedding model shipped inside a Maven jar through temporary files. The libraries' own loaders read the
 * model into a growing byte array on the Java heap — about 130 MB of heap for a moment for a 34 MB model, which
 * decides how much memory an instance needs; ONNX Runtime and the tokenizer read files natively instead, so the
 * model and its tokenizer are copied out in small blocks, loaded, and deleted.
 */
final class OnnxModelFiles {

    private OnnxModelFiles() {
    }

    /** The model and tokenizer resources found beside {@code owner} (a class of the model's jar), mean-pooled. */
    static OnnxEmbeddingModel load(Class<?> owner, String modelResource, String tokenizerResource) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sga-model-");
            Path model = copy(owner, modelResource, dir);
            Path tokenizer = copy(owner, tokenizerResource, dir);
            return new OnnxEmbeddingModel(model, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the embedding model " + modelResource + " to a temporary file", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static Path copy(Class<?> owner, String resource, Path dir) throws IOException {
        try (InputStream in = owner.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + resource + " is missing");
            }
            Path file = dir.resolve(resource);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temporary file left behind is harmless; the model has loaded or its error is already on its way.
        }
    }
}
