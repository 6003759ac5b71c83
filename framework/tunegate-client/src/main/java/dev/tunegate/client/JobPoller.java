package dev.tunegate.client;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Waits for a Vertex AI job (a tuning job, a batch prediction job) to reach a terminal state by reading it again and again, starting at
 * {@code initial} between reads and growing by 1.5x up to {@code max}; time is read from its {@link Ticker}, so tests
 * drive it by hand. Blocks the calling thread; each read is an ordinary client call. A cancel request is looked at
 * before every wait: it sends {@code :cancel} once and goes on waiting until the job is cancelled (or finished).
 */
final class JobPoller<J> {
    /**
     * What the poller needs to know of one kind of job.
     *
     * @param kind       what a message calls the job, e.g. {@code tuning job}
     * @param cancelHint the call a user makes to cancel it, named when the wait is interrupted
     */
    record Jobs<J>(
            String kind,
            Function<J, String> name,
            Function<J, Object> state,
            Predicate<J> isDone,
            Function<String, J> get,
            Consumer<String> cancel,
            String cancelHint) {}

    private final Jobs<J> jobs;
    private final Duration initial;
    private final Duration max;
    private final Ticker ticker;

    JobPoller(Jobs<J> jobs, Duration initial, Duration max, Ticker ticker) {
        this.jobs = jobs;
        this.initial = initial;
        this.max = max;
        this.ticker = ticker;
    }

    /** See {@link VertexTuningJobs#await}. */
    J await(J job, Consumer<J> progress, Duration timeout, BooleanSupplier cancelRequested) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(jobs.name().apply(job), "job.name");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = ticker.nanoTime() + timeout.toNanos();
        J current = job;
        Function<J, String> name = jobs.name();
        Duration wait = initial;
        boolean cancelSent = false;
        while (!jobs.isDone().test(current)) {
            if (!cancelSent && cancelRequested != null && cancelRequested.getAsBoolean()) {
                cancelSent = true;
                cancel(name.apply(current));
                wait = initial;
            }
            Duration left = Duration.ofNanos(deadline - ticker.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new GeminiApiException(
                        0,
                        "DEADLINE_EXCEEDED",
                        jobs.kind() + " " + name.apply(current) + " is still "
                                + jobs.state().apply(current) + " after "
                                + timeout
                                + (cancelSent ? " (cancel requested)" : "; it keeps running"),
                        null,
                        null,
                        "GET " + name.apply(current),
                        1,
                        null);
            }
            sleep(wait.compareTo(left) < 0 ? wait : left, name.apply(current));
            current = jobs.get().apply(name.apply(current));
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
            jobs.cancel().accept(name);
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
                    "interrupted while waiting for " + jobs.kind() + " " + name + "; the job keeps running (cancel it"
                            + " with " + jobs.cancelHint() + ")",
                    null,
                    null,
                    null,
                    1,
                    e);
        }
    }
}
