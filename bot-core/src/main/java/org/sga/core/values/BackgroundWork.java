package org.sga.core.values;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Work done on a daemon thread of its own, and waiting for such work before the JVM exits. */
public final class BackgroundWork {

    private BackgroundWork() {
    }

    /**
     * Runs {@code work} on a daemon thread named {@code name} that keeps this thread's class loader: in the packaged
     * jar, resources of nested jars cannot be seen through the common pool's system class loader.
     */
    public static <T> CompletableFuture<T> supply(String name, Supplier<T> work) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return CompletableFuture.supplyAsync(work, task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            t.start();
        });
    }

    /** Waits at most {@code limit} in all for {@code tasks} to end, failed or not; stops waiting when interrupted. */
    public static void awaitAll(Collection<? extends CompletableFuture<?>> tasks, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        for (CompletableFuture<?> task : List.copyOf(tasks)) {
            try {
                task.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // Failed, or still running at the limit: nothing more to wait for.
            }
        }
    }
}
