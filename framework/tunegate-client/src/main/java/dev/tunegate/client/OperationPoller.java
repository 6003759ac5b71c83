package dev.tunegate.client;

import dev.tunegate.client.model.Operation;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Waits for a long-running operation by reading it again and again, starting at {@code initial} between reads
 * and growing by 1.5x up to {@code max}; time is read from its {@link Ticker}. Blocks the calling thread; each read is an ordinary client call.
 */
final class OperationPoller {
    private final Function<String, Operation> read;
    private final Duration initial;
    private final Duration max;
    private final Ticker ticker;

    OperationPoller(Function<String, Operation> read, Duration initial, Duration max, Ticker ticker) {
        this.read = read;
        this.initial = initial;
        this.max = max;
        this.ticker = ticker;
    }

    /** See {@link GeminiClient#awaitOperation(Operation, Consumer, Duration)}. */
    Operation await(Operation operation, Consumer<Operation> progress, Duration timeout) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = ticker.nanoTime() + timeout.toNanos();
        Operation current = operation;
        Duration wait = initial;
        while (!current.isDone()) {
            Duration left = Duration.ofNanos(deadline - ticker.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new GeminiApiException(
                        0,
                        "DEADLINE_EXCEEDED",
                        "operation " + current.name() + " not done after " + timeout,
                        null,
                        null,
                        "GET /v1beta/" + current.name(),
                        1,
                        null);
            }
            sleep(wait.compareTo(left) < 0 ? wait : left);
            current = read.apply(current.name());
            if (progress != null) {
                progress.accept(current);
            }
            long next = (long) (wait.toNanos() * 1.5);
            wait = Duration.ofNanos(Math.min(next, max.toNanos()));
        }
        return current;
    }

    private void sleep(Duration d) {
        try {
            ticker.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeminiApiException(0, "CANCELLED", "interrupted while polling", null, null, null, 1, e);
        }
    }
}
