package dev.tunegate.client;

import java.time.Duration;

/** A {@link Ticker} for tests: time moves only when the code under test sleeps or reads it (by {@code step}). */
final class ManualTicker implements Ticker {
    private final long stepNanos;
    private long now;

    /** Time that stands still between sleeps. */
    ManualTicker() {
        this(Duration.ZERO);
    }

    /** Time that also moves by {@code step} after every read. */
    ManualTicker(Duration step) {
        this.stepNanos = step.toNanos();
    }

    @Override
    public synchronized long nanoTime() {
        long t = now;
        now += stepNanos;
        return t;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        now += duration.toNanos();
    }

    /** Time elapsed since the start. */
    synchronized Duration elapsed() {
        return Duration.ofNanos(now);
    }
}
