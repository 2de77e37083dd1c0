package org.sga.core.guidance;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.sga.core.values.BackgroundWork;

/**
 * A value prepared on a thread of its own (embedding example phrasings waits for the model), so start-up is not held
 * up; the first message that needs it waits, and a failure is rethrown there.
 */
public final class Background<T> {

    private final CompletableFuture<T> value;

    public Background(String name, Supplier<T> prepare) {
        this(name, prepare, () -> { });
    }

    /** {@code then} runs on the same thread once the value is prepared (e.g. saving an embedding cache). */
    public Background(String name, Supplier<T> prepare, Runnable then) {
        this.value = BackgroundWork.supply(name, () -> {
            T value = prepare.get();
            then.run();
            return value;
        });
        PREPARING.add(value);
        value.whenComplete((v, e) -> PREPARING.remove(value));
    }

    /** Already prepared (for values that need no model). */
    public static <T> Background<T> ready(T value) {
        return new Background<>(CompletableFuture.completedFuture(value));
    }

    private Background(CompletableFuture<T> value) {
        this.value = value;
    }

    /** Values still being prepared, in any instance; see {@link #awaitAll}. */
    private static final java.util.Set<CompletableFuture<?>> PREPARING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Waits (at most {@code limit}) for values still being prepared: embedding runs in native code, and a JVM that
     * exits meanwhile may crash on its way out (as for a model still loading, see
     * {@link org.sga.core.search.CachedEmbedder#awaitLoading}). Call it before exiting.
     */
    public static void awaitAll(java.time.Duration limit) {
        BackgroundWork.awaitAll(PREPARING, limit);
    }

    public T get() {
        return value.join();
    }

    public boolean ready() {
        return value.isDone() && !value.isCompletedExceptionally();
    }
}
