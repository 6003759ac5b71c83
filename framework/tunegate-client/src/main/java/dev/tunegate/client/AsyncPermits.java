package dev.tunegate.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * A non-blocking semaphore: {@link #acquire()} returns a future that completes when a permit is free, so no
 * thread waits. {@code max <= 0} means unlimited.
 */
final class AsyncPermits {
    private final int max;
    private final Deque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int inUse;

    AsyncPermits(int max) {
        this.max = max;
    }

    CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (max <= 0 || inUse < max) {
                inUse++;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            waiters.addLast(waiter);
            return waiter;
        }
    }

    void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiters.pollFirst();
            if (next == null) {
                inUse--;
            }
        }
        if (next != null) {
            next.complete(null);
        }
    }

    /** The cap this was built with; 0 or less means none. */
    int max() {
        return Math.max(0, max);
    }

    synchronized int inFlight() {
        return inUse + waiters.size();
    }
}
