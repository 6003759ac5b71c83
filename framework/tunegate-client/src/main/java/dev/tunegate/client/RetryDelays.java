package dev.tunegate.client;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/** Computes backoff delays and parses the server's retry hints. */
final class RetryDelays {
    private RetryDelays() {}

    /** Full jitter: uniform in [0, min(maxBackoff, initial * 2^(failedAttempt-1))]. */
    static Duration backoff(RetryPolicy policy, int failedAttempt) {
        long initial = policy.initialBackoff().toNanos();
        long cap = policy.maxBackoff().toNanos();
        int shift = Math.min(Math.max(failedAttempt - 1, 0), 30);
        long ceiling = initial > (cap >> shift) ? cap : Math.min(cap, initial << shift);
        if (ceiling <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** A protobuf Duration string such as "34s", "1.5s" or "0.000001s"; null when absent or malformed. */
    static Duration parseProtoDuration(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (!v.endsWith("s")) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(v.substring(0, v.length() - 1));
            if (seconds.signum() < 0) {
                return null;
            }
            return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** A Retry-After header: delta-seconds or an HTTP-date; null when absent or malformed. */
    static Duration parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The longer of two optional hints. */
    static Duration longest(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}
