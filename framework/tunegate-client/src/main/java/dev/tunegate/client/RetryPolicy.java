package dev.tunegate.client;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How failed calls are retried: only HTTP 408, 429, 500, 502, 503, 504 and connection failures, with
 * exponential backoff and full jitter (a random delay in [0, min(maxBackoff, initialBackoff * 2^(n-1))]),
 * or exactly the server's {@code Retry-After} / {@code RetryInfo.retryDelay} when it gives one. A call stops
 * after {@code maxAttempts} attempts or when the next attempt would start after {@code maxTotalTime}.
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

    /** 5 attempts, 500 ms initial backoff, 30 s max backoff, 2 minutes in total. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /** A single attempt: never retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** This policy with another attempt limit. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, maxTotalTime);
    }

    /** Whether an HTTP status is worth retrying. */
    public static boolean isRetryableStatus(int httpStatus) {
        return switch (httpStatus) {
            case 408, 429, 500, 502, 503, 504 -> true;
            default -> false;
        };
    }
}
