package org.sga.core.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
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
 * model and its tokenizer are copied out in small blocks, loaded, and deleted. ONNX Runtime runs each model without
 * its memory arena and without planning memory by the shapes it has seen: with them, each model holds on to the
 * largest buffers any message needed, tens of megabytes outside the heap for every model loaded.
 */
final class OnnxModelFiles {

    private OnnxModelFiles() {
    }

    /** The model and tokenizer resources found beside {@code owner} (a class of the model's jar), pooled by {@code pooling}. */
    static AbstractInProcessEmbeddingModel load(Class<?> owner, String modelResource, String tokenizerResource,
                                                PoolingMode pooling) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sga-model-");
            Path model = copy(owner, modelResource, dir);
            Path tokenizer = copy(owner, tokenizerResource, dir);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setCPUArenaAllocator(false);
                options.setMemoryPatternOptimization(false);
                session = environment.createSession(model.toString(), options);
            }
            OnnxBertBiEncoder encoder;
            try (InputStream in = Files.newInputStream(tokenizer)) {
                encoder = new OnnxBertBiEncoder(environment, session, in, pooling);
            }
            return new Loaded(encoder);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + modelResource, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the embedding model " + modelResource + " to a temporary file", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** A model loaded here, embedding on the caller's thread as the library's own models do for one text. */
    private static final class Loaded extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Loaded(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
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
