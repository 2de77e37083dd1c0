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
import java.util.List;
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
 * The content's embeddings are held in half precision ({@link Held}); the files keep floats.
 * Questions are never cached. A missing, unreadable or unwritable cache only costs time.
 */
public final class CachedEmbedder implements Embedder {

    private static final Logger LOG = Logger.getLogger(CachedEmbedder.class.getName());
    // "SGE2": the file also names its model; a file of the first format ("SGAE", keys without the model) is ignored.
    private static final int MAGIC = 0x53474532;

    private final String modelId;
    private final CompletableFuture<Embedder> model;
    private final Path file;
    private final Held shipped;
    private final Held vectors = new Held(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    private volatile boolean dirty;
    // The keys asked for since this instance started, so that the file can leave out what the content no longer has;
    // null once it has (see allStepsStarted), so that a running bot does not hold tens of thousands of keys for nothing.
    private volatile java.util.Set<Key> asked = ConcurrentHashMap.newKeySet();
    // Steps preparing the content that have started and are not done, and whether every step has started.
    private final java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean allStarted;
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

    /** The vector as held, decoded: the same numbers whether it was embedded just now or read from a file. */
    @Override
    public float[] embedContent(String text) {
        return floats(cached("content", text, false));
    }

    @Override
    public float[] embedPassage(String text) {
        return floats(cached("passage", text, true));
    }

    /** The very array held (not a copy), so that a vector kept for as long as the bot runs is held once. */
    @Override
    public short[] embedContentHalf(String text) {
        Key key = cached("content", text, false);
        short[] half = half(key);
        return half != null ? half : Vectors.half(exact(key));
    }

    /** Embeds a text of the content unless its vector is held already; returns its key. */
    private Key cached(String kind, String text, boolean passage) {
        Key key = key(kind, text);
        noteAsked(key);
        if (half(key) == null && exact(key) == null) {
            Embedder m = model.join();
            float[] v = passage ? m.embedPassage(text) : m.embedContent(text);
            reportProgress(embedded.incrementAndGet());
            vectors.put(key, v);
            dirty = true;
        }
        return key;
    }

    private float[] floats(Key key) {
        short[] half = half(key);
        return half != null ? Vectors.floats(half) : exact(key);
    }

    private short[] half(Key key) {
        short[] half = shipped.halves().get(key);
        return half != null ? half : vectors.halves().get(key);
    }

    private float[] exact(Key key) {
        float[] v = shipped.exact().get(key);
        return v != null ? v : vectors.exact().get(key);
    }

    /**
     * Held exact, never rounded: these are a classifier's numbers, not an embedding. Numbers read from a file as an
     * embedding (of unit length, see {@link Held}) are not taken for them but learned again.
     */
    @Override
    public float[] derived(String key, java.util.function.Supplier<float[]> learn) {
        Key k = key("derived", key);
        noteAsked(k);
        float[] v = exact(k);
        if (v == null) {
            v = learn.get();
            vectors.exact().put(k, v);
            vectors.halves().remove(k);
            dirty = true;
        }
        return v;
    }

    /**
     * Vectors by key. The keys are digests, so what kind of text an entry was for is not known when a file is read:
     * an embedding is of unit length ({@link Vectors#isUnitLength}) and held in half precision, which halves the heap
     * the content's tens of thousands of vectors take; anything else (a classifier's numbers, {@link #derived}) is held
     * exact.
     */
    private record Held(Map<Key, short[]> halves, Map<Key, float[]> exact) {

        void put(Key key, float[] v) {
            if (Vectors.isUnitLength(v)) {
                halves.put(key, Vectors.half(v));
                exact.remove(key);
            } else {
                exact.put(key, v);
                halves.remove(key);
            }
        }

        int size() {
            return halves.size() + exact.size();
        }

        void clear() {
            halves.clear();
            exact.clear();
        }

        Held frozen() {
            return new Held(Map.copyOf(halves), Map.copyOf(exact));
        }
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

    private void noteAsked(Key key) {
        java.util.Set<Key> keys = asked;
        if (keys != null) {
            keys.add(key);
        }
    }

    /**
     * Leaves out of the file every entry this instance was not asked for, then saves: for the build, which asks for all
     * of the shipped content, so that the jar carries no vector of a phrasing since edited or removed (each would be
     * held for as long as the bot runs). A running bot, which asks for its content over several steps, does the same
     * once they are all done ({@link #startStep}, {@link #allStepsStarted}).
     */
    public synchronized boolean saveAskedOnly() {
        java.util.Set<Key> keys = asked;
        if (keys == null) {
            return save();
        }
        for (Map<Key, ?> held : List.of(vectors.halves(), vectors.exact())) {
            if (held.keySet().removeIf(key -> !keys.contains(key))) {
                dirty = true;
            }
        }
        return save();
    }

    /**
     * Leaves out of the file every embedding and every other entry this instance was not asked for, then saves: for the
     * build of a model that reads messages only through what was learned from the content (a second view of the danger
     * check), so that the jar carries the classifier and none of the tens of thousands of vectors it was learned from.
     */
    public synchronized boolean saveDerivedOnly() {
        java.util.Set<Key> keys = asked;
        if (!vectors.halves().isEmpty()) {
            vectors.halves().clear();
            dirty = true;
        }
        if (keys != null && vectors.exact().keySet().removeIf(key -> !keys.contains(key))) {
            dirty = true;
        }
        return save();
    }

    /**
     * A step of preparing the content (the index, the danger check, the cards, the choice of quote) starts now, on
     * the thread that starts it; the step runs the action returned once it is done, which saves the file. When every
     * step has started ({@link #allStepsStarted}) and the last is done, the file and the heap keep only the vectors
     * the steps asked for: those of phrasings since edited or removed from a content folder of one's own are dropped
     * instead of being held for as long as the bot runs and growing the file with each edit. A step that fails never
     * runs its action, so nothing is dropped.
     */
    public Runnable startStep() {
        steps.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                steps.decrementAndGet();
                stepDone();
            }
        };
    }

    /** Every step of preparing the content has started (see {@link #startStep}); call it once they all have. */
    public void allStepsStarted() {
        allStarted = true;
        stepDone();
    }

    private synchronized void stepDone() {
        if (allStarted && steps.get() == 0 && asked != null) {
            saveAskedOnly();
            asked = null;
        } else {
            save();
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
                // The entries as they stand now (another thread may add one while they are written), in the order of
                // their keys: the same content gives the same file, however many threads embedded it.
                List<Map.Entry<Key, short[]>> halves = sorted(vectors.halves());
                List<Map.Entry<Key, float[]>> exact = sorted(vectors.exact());
                out.writeInt(MAGIC);
                out.writeUTF(modelId);
                out.writeInt(halves.size() + exact.size());
                for (Map.Entry<Key, short[]> e : halves) {
                    write(out, e.getKey(), Vectors.floats(e.getValue()));
                }
                for (Map.Entry<Key, float[]> e : exact) {
                    write(out, e.getKey(), e.getValue());
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

    private static <V> List<Map.Entry<Key, V>> sorted(Map<Key, V> entries) {
        return entries.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).sorted(Map.Entry.comparingByKey())
                .toList();
    }

    private static void write(DataOutputStream out, Key key, float[] v) throws IOException {
        out.writeUTF(key.hex());
        out.writeInt(v.length);
        for (float f : v) {
            out.writeFloat(f);
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

    private static Held readShipped(ClassLoader loader, String modelId) {
        Held read = new Held(new java.util.HashMap<>(), new java.util.HashMap<>());
        try (InputStream in = loader.getResourceAsStream(shippedResource(modelId))) {
            if (in != null) {
                readInto(in, modelId, read);
            }
        } catch (IOException | RuntimeException e) {
            read.clear();
            LOG.log(Level.WARNING, "shipped embeddings ignored (" + e.getClass().getSimpleName()
                    + "): the content is embedded at start-up instead");
        }
        return read.frozen();
    }

    /** Reads a cache file written by {@link #save()}; a file of another format or model adds nothing. */
    private static void readInto(InputStream raw, String modelId, Held into) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
        if (in.readInt() != MAGIC || !in.readUTF().equals(modelId)) {
            return;
        }
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Key key = Key.parse(in.readUTF());
            float[] v = new float[in.readInt()];
            for (int j = 0; j < v.length; j++) {
                v[j] = in.readFloat();
            }
            into.put(key, v);
        }
    }

    private Key key(String kind, String text) {
        try {
            String named = modelId + '\0' + kind + '\0' + text;
            return Key.of(MessageDigest.getInstance("SHA-256").digest(named.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A SHA-256 digest as four numbers: the tens of thousands of keys the content has are held for as long as the bot
     * runs, and as text each would take twice the heap. The file keeps them as hexadecimal text.
     */
    private record Key(long a, long b, long c, long d) implements Comparable<Key> {

        private static final java.util.Comparator<Key> ORDER = java.util.Comparator.comparingLong(Key::a)
                .thenComparingLong(Key::b).thenComparingLong(Key::c).thenComparingLong(Key::d);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }

        static Key of(byte[] digest) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(digest);
            return new Key(bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong());
        }

        /** A key as the file writes it; anything but 64 hexadecimal digits is not a key of this format. */
        static Key parse(String hex) {
            if (hex.length() != 64) {
                throw new IllegalArgumentException("not a digest: " + hex.length() + " characters");
            }
            return of(HexFormat.of().parseHex(hex));
        }

        String hex() {
            return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putLong(a).putLong(b).putLong(c).putLong(d).array());
        }
    }
}
