package dev.tunegate.engine.matchers;

import java.time.Duration;

/** Short human form of durations for messages: {@code 850ms}, {@code 2s}, {@code 1.25s}. */
final class Durations {

    private Durations() {}

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
    }
}
