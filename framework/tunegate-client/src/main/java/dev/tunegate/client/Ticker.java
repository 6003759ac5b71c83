package dev.tunegate.client;

import java.time.Duration;

/**
 * The client's clock: a monotonic time source and a way to wait. Deadlines (the retry deadline, an operation's
 * timeout) are measured with it, so tests can drive time by hand instead of relying on wall-clock bounds.
 */
interface Ticker {
    /** The real clock: {@link System#nanoTime()} and {@link Thread#sleep}. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(Math.max(1, duration.toMillis()));
        }
    };

    /** Monotonic nanoseconds, only meaningful as differences. */
    long nanoTime();

    /** Blocks the calling thread for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
