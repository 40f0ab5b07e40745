package dev.o2c.domain.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread, its failure rethrown as it was thrown there. */
public final class Futures {

    private Futures() {
    }

    /**
     * The result of {@code future}; a runtime exception thrown by the work (a missing rate,
     * say) is rethrown unchanged, so callers see the same error whichever thread did the work.
     */
    public static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
