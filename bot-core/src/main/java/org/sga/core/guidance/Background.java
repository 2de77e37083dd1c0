package org.sga.core.guidance;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

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
        // Keeps this thread's class loader: in the packaged jar the model is a resource of a nested jar.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.value = CompletableFuture.supplyAsync(() -> {
            T value = prepare.get();
            then.run();
            return value;
        }, task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            t.start();
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
        long end = System.nanoTime() + limit.toNanos();
        for (CompletableFuture<?> preparing : java.util.List.copyOf(PREPARING)) {
            try {
                preparing.get(Math.max(0, end - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // Failed, or still preparing at the limit: nothing more to wait for.
            }
        }
    }

    public T get() {
        return value.join();
    }

    public boolean ready() {
        return value.isDone() && !value.isCompletedExceptionally();
    }
}
