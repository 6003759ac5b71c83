package dev.tunegate.client;

import dev.tunegate.client.model.VertexTuningJob;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Waits for a Vertex AI tuning job to reach a terminal state by reading it again and again, starting at
 * {@code initial} between reads and growing by 1.5x up to {@code max}; time is read from its {@link Ticker}, so tests
 * drive it by hand. Blocks the calling thread; each read is an ordinary client call. A cancel request is looked at
 * before every wait: it sends {@code :cancel} once and goes on waiting until the job is cancelled (or finished).
 */
final class JobPoller {
    private final VertexTuningJobs jobs;
    private final Duration initial;
    private final Duration max;
    private final Ticker ticker;

    JobPoller(VertexTuningJobs jobs, Duration initial, Duration max, Ticker ticker) {
        this.jobs = jobs;
        this.initial = initial;
        this.max = max;
        this.ticker = ticker;
    }

    /** See {@link VertexTuningJobs#await}. */
    VertexTuningJob await(
            VertexTuningJob job,
            Consumer<VertexTuningJob> progress,
            Duration timeout,
            BooleanSupplier cancelRequested) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(job.name(), "job.name");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = ticker.nanoTime() + timeout.toNanos();
        VertexTuningJob current = job;
        Duration wait = initial;
        boolean cancelSent = false;
        while (!current.isDone()) {
            if (!cancelSent && cancelRequested != null && cancelRequested.getAsBoolean()) {
                cancelSent = true;
                cancel(current.name());
                wait = initial;
            }
            Duration left = Duration.ofNanos(deadline - ticker.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new GeminiApiException(
                        0,
                        "DEADLINE_EXCEEDED",
                        "tuning job " + current.name() + " is still " + current.state() + " after " + timeout
                                + (cancelSent ? " (cancel requested)" : "; it keeps running"),
                        null,
                        null,
                        "GET " + current.name(),
                        1,
                        null);
            }
            sleep(wait.compareTo(left) < 0 ? wait : left, current.name());
            current = jobs.get(current.name());
            if (progress != null) {
                progress.accept(current);
            }
            wait = Duration.ofNanos(Math.min((long) (wait.toNanos() * 1.5), max.toNanos()));
        }
        return current;
    }

    /** Asks Vertex AI to cancel; a job that already finished (400/409/412) is not an error: the next read shows it. */
    private void cancel(String name) {
        try {
            jobs.cancel(name);
        } catch (GeminiApiException e) {
            if (e.httpStatus() != 400 && e.httpStatus() != 409 && e.httpStatus() != 412) {
                throw e;
            }
        }
    }

    private void sleep(Duration d, String name) {
        try {
            ticker.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeminiApiException(
                    0,
                    "CANCELLED",
                    "interrupted while waiting for tuning job " + name
                            + "; the job keeps running (cancel it with VertexTuningJobs.cancel)",
                    null,
                    null,
                    null,
                    1,
                    e);
        }
    }
}
