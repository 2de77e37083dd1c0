package org.sga.core.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sga.core.values.BackgroundWork;

/**
 * Keeps the embeddings of procedure content in a file, keyed by a hash of the model, the kind of text (passage or
 * question-like content, which some models embed differently) and the text, so that start-up does not
 * re-embed hundreds of unchanged sections and phrasings; the model itself loads in the background meanwhile.
 * The build embeds the shipped content once and puts the vectors in the jar ({@link #shippedResource}); they are
 * read first, and the file holds only what the shipped ones lack (a content folder of one's own).
 * Questions are never cached. A missing, unreadable or unwritable cache only costs time.
 */
public final class CachedEmbedder implements Embedder {

    private static final Logger LOG = Logger.getLogger(CachedEmbedder.class.getName());
    // "SGE2": the file also names its model; a file of the first format ("SGAE", keys without the model) is ignored.
    private static final int MAGIC = 0x53474532;

    private final String modelId;
    private final CompletableFuture<Embedder> model;
    private final Path file;
    private final Map<String, float[]> shipped;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private volatile boolean dirty;
    private final java.util.concurrent.atomic.AtomicInteger embedded = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong lastReport = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

    /**
     * Starts loading the model on another thread and reads the cache file, if there is one and it was written for
     * the same model.
     */
    public CachedEmbedder(String modelId, Supplier<Embedder> model, Path file) {
        this.modelId = modelId;
        // In the packaged jar the model is a resource of a nested jar: loaded where this thread's class loader sees it.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.model = BackgroundWork.supply("embedding-model-loader", model);
        exitAfterLoading(this.model);
        this.file = file;
        this.shipped = readShipped(loader == null ? CachedEmbedder.class.getClassLoader() : loader, modelId);
        read();
    }

    /** Where the build puts the shipped content's vectors for a model, on the class path. */
    public static String shippedResource(String modelId) {
        return "search/embeddings-" + modelId + ".bin";
    }

    /** Models still loading, in any instance; see {@link #awaitLoading(Duration)}. */
    private static final java.util.Set<CompletableFuture<?>> LOADING = ConcurrentHashMap.newKeySet();

    /**
     * Waits (at most {@code limit}) for models still loading. ONNX Runtime loads a model in native code and releases
     * its environment in a shutdown hook of its own, so a JVM that exits while a model loads crashes (SIGSEGV), as
     * when someone quits the console or a tool finishes before the model is ready. Call this before exiting.
     */
    public static void awaitLoading(java.time.Duration limit) {
        BackgroundWork.awaitAll(LOADING, limit);
    }

    private static void exitAfterLoading(CompletableFuture<Embedder> loading) {
        LOADING.add(loading);
        loading.whenComplete((m, e) -> LOADING.remove(loading));
    }

    /** How many of the latest questions (a message and its sentences) one thread keeps the vectors of. */
    private static final int RECENT = 24;

    // One message (and each of its sentences, see Phrasings#units) is embedded by search and by each safety check in
    // turn, on the thread that handles it; keeping the latest few vectors embeds each once. Memory only, never written.
    private final ThreadLocal<Map<String, float[]>> recent = ThreadLocal.withInitial(() -> new java.util.LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT;
        }
    });

    @Override
    public float[] embed(String text) {
        Map<String, float[]> latest = recent.get();
        float[] vector = latest.get(text);
        if (vector == null) {
            vector = model.join().embed(text);
            latest.put(text, vector);
        }
        return vector;
    }

    @Override
    public float[] embedContent(String text) {
        return cached("content", text, false);
    }

    @Override
    public float[] embedPassage(String text) {
        return cached("passage", text, true);
    }

    private float[] cached(String kind, String text, boolean passage) {
        return cached(kind, text, () -> {
            Embedder m = model.join();
            float[] v = passage ? m.embedPassage(text) : m.embedContent(text);
            reportProgress(embedded.incrementAndGet());
            return v;
        });
    }

    @Override
    public float[] derived(String key, java.util.function.Supplier<float[]> learn) {
        return cached("derived", key, learn);
    }

    private float[] cached(String kind, String text, java.util.function.Supplier<float[]> compute) {
        String key = key(modelId + '\0' + kind + '\0' + text);
        float[] v = shipped.get(key);
        if (v == null) {
            v = vectors.get(key);
        }
        if (v == null) {
            v = compute.get();
            vectors.put(key, v);
            dirty = true;
        }
        return v;
    }

    /**
     * Content that is not shipped (a folder of one's own) is embedded once, which takes minutes: say how far it has
     * got every ten seconds, so an operator watching the log knows the instance is preparing, not stuck.
     */
    private void reportProgress(int count) {
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= 10_000_000_000L && lastReport.compareAndSet(last, now)) {
            LOG.info(String.format(java.util.Locale.ROOT, "preparing answers: %,d texts of the content embedded so far"
                    + " (once for this content; kept in %s)", count, file.getFileName()));
        }
    }

    /** Writes new entries (atomically, replacing the file); returns whether the file is now up to date. */
    public synchronized boolean save() {
        if (!dirty) {
            return true;
        }
        // Cleared before the entries are read, so an entry added meanwhile (by another thread) makes the next save write.
        dirty = false;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "embeddings", ".tmp");
            try (OutputStream raw = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw))) {
                out.writeInt(MAGIC);
                out.writeUTF(modelId);
                out.writeInt(vectors.size());
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            dirty = true;
            LOG.log(Level.FINE, "embedding cache not written: " + e.getClass().getSimpleName());
            return false;
        }
    }

    /** Vectors known without the model: shipped ones and those in the file. */
    int size() {
        return shipped.size() + vectors.size();
    }

    private void read() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            readInto(in, modelId, vectors);
        } catch (IOException | RuntimeException e) {
            vectors.clear();
            LOG.log(Level.FINE, "embedding cache ignored: " + e.getClass().getSimpleName());
        }
    }

    private static Map<String, float[]> readShipped(ClassLoader loader, String modelId) {
        Map<String, float[]> read = new java.util.HashMap<>();
        try (InputStream in = loader.getResourceAsStream(shippedResource(modelId))) {
            if (in != null) {
                readInto(in, modelId, read);
            }
        } catch (IOException | RuntimeException e) {
            read.clear();
            LOG.log(Level.WARNING, "shipped embeddings ignored (" + e.getClass().getSimpleName()
                    + "): the content is embedded at start-up instead");
        }
        return Map.copyOf(read);
    }

    /** Reads a cache file written by {@link #save()}; a file of another format or model adds nothing. */
    private static void readInto(InputStream raw, String modelId, Map<String, float[]> into) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
        if (in.readInt() != MAGIC || !in.readUTF().equals(modelId)) {
            return;
        }
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            float[] v = new float[in.readInt()];
            for (int j = 0; j < v.length; j++) {
                v[j] = in.readFloat();
            }
            into.put(key, v);
        }
    }

    private static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
