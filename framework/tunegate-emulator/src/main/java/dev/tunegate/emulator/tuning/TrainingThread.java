package dev.tunegate.emulator.tuning;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread a tuning service trains on: it runs a job's first step now and each next one
 * {@code stepMillis} later; closing it stops the training (waiting up to 5 s for a running step).
 */
final class TrainingThread implements AutoCloseable {
    private final ScheduledExecutorService executor;
    private final long stepMillis;

    TrainingThread(String name, long stepMillis) {
        this.stepMillis = stepMillis;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code step} as soon as the thread is free. */
    void now(Runnable step) {
        executor.execute(step);
    }

    /** Runs {@code step} one step interval from now. */
    void next(Runnable step) {
        executor.schedule(step, stepMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
