package dev.tunegate.engine.model.stats;

import org.apiguardian.api.API;

/**
 * The share of cases a variant passed, with its Wilson score interval.
 *
 * @param passes   cases passed
 * @param total    cases counted
 * @param interval Wilson score interval for the true pass rate
 */
@API(status = API.Status.INTERNAL)
public record PassRate(int passes, int total, Interval interval) {

    public PassRate {
        Counts.requireSubset(passes, total, "passes");
    }

    /** Pass rate with a Wilson score interval at {@code confidence}. */
    public static PassRate of(int passes, int total, double confidence) {
        Counts.requireSubset(passes, total, "passes");
        return new PassRate(passes, total, WilsonInterval.of(passes, total, confidence));
    }

    /** Point estimate passes / total; 0 when nothing was counted. */
    public double rate() {
        return total == 0 ? 0 : (double) passes / total;
    }
}
