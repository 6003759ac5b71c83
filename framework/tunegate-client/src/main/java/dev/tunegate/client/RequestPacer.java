package dev.tunegate.client;

import java.util.concurrent.TimeUnit;

/**
 * Spaces request starts evenly so that at most {@code requestsPerMinute} start in any minute: each
 * reservation returns how long to wait before sending. {@code requestsPerMinute <= 0} means no limit.
 */
final class RequestPacer {
    private final double requestsPerMinute;
    private final long intervalNanos;
    private long nextFree;
    private boolean started;

    RequestPacer(double requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute > 0 ? requestsPerMinute : 0;
        this.intervalNanos = requestsPerMinute <= 0 ? 0 : (long) (TimeUnit.MINUTES.toNanos(1) / requestsPerMinute);
    }

    /** The limit this was built with; 0 means none. */
    double requestsPerMinute() {
        return requestsPerMinute;
    }

    /** Reserves the next slot; returns the nanoseconds to wait (0 when none). */
    synchronized long reserveNanos() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = System.nanoTime();
        long slot = !started || nextFree - now < 0 ? now : nextFree;
        started = true;
        nextFree = slot + intervalNanos;
        return slot - now;
    }
}
