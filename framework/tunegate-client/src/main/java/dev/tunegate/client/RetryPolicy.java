package dev.tunegate.client;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How failed calls are retried: only HTTP 408, 429, 500, 502, 503, 504 and connection failures, with
 * exponential backoff and full jitter (a random delay in [0, min(maxBackoff, initialBackoff * 2^(n-1))]),
 * or exactly the server's {@code Retry-After} / {@code RetryInfo.retryDelay} when it gives one. The deadline
 * {@code maxTotalTime} is the main limit, as in Google's own clients: a call is retried until the next attempt
 * would start after it; {@code maxAttempts} is a secondary cap that only stops a server failing fast forever
 * (e.g. 503 or {@code Retry-After: 0}) from being hammered until the deadline.
 */
@API(status = API.Status.STABLE)
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalTime) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxTotalTime, "maxTotalTime");
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxTotalTime.isNegative()) {
            throw new IllegalArgumentException("retry durations must not be negative");
        }
    }

    /** Attempts at most of {@link #defaults()}: enough that a fault rate of 40% per attempt fails 1 call in 10^8. */
    public static final int DEFAULT_MAX_ATTEMPTS = 20;

    /** Deadline of {@link #defaults()} per call, retries and their waits included. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);

    /** A 2-minute deadline per call, at most 20 attempts, 500 ms initial backoff, 30 s max backoff. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, Duration.ofMillis(500), Duration.ofSeconds(30), DEFAULT_DEADLINE);
    }

    /** A single attempt: never retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** This policy with another attempt limit. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, maxTotalTime);
    }

    /** This policy with another deadline per call (retries and their waits included). */
    public RetryPolicy withMaxTotalTime(Duration deadline) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, deadline);
    }

    /** Whether an HTTP status is worth retrying. */
    public static boolean isRetryableStatus(int httpStatus) {
        return switch (httpStatus) {
            case 408, 429, 500, 502, 503, 504 -> true;
            default -> false;
        };
    }
}
