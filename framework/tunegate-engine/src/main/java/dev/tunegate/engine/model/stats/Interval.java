package dev.tunegate.engine.model.stats;

import org.apiguardian.api.API;

/**
 * A two-sided confidence interval {@code [lower, upper]} at a stated confidence level.
 *
 * @param lower      lower bound
 * @param upper      upper bound
 * @param confidence confidence level in (0, 1), e.g. 0.95
 */
@API(status = API.Status.INTERNAL)
public record Interval(double lower, double upper, double confidence) {

    public Interval {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " exceeds upper bound " + upper);
        }
    }

    /** Whether {@code value} lies inside the closed interval. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
