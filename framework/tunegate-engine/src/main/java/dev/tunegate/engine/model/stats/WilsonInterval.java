package dev.tunegate.engine.model.stats;

/**
 * Wilson score interval for a binomial proportion, without continuity correction
 * (method 3 of Newcombe, Statistics in Medicine 1998;17:857-872).
 *
 * <p>Unlike the Wald interval it stays inside [0, 1] and behaves well for small samples and rates
 * near 0 or 1, which is the usual case for evaluation suites.
 */
final class WilsonInterval {

    private WilsonInterval() {}

    /** Wilson interval for {@code successes} out of {@code n}; [0, 1] when {@code n} is 0. */
    public static Interval of(int successes, int n, double confidence) {
        Counts.requireSubset(successes, n, "successes");
        double z = ZScores.twoSided(confidence);
        if (n == 0) {
            return new Interval(0, 1, confidence);
        }
        double p = (double) successes / n;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double denominator = 1 + z2 / n;
        double lower = successes == 0 ? 0 : (centre - spread) / denominator;
        double upper = successes == n ? 1 : (centre + spread) / denominator;
        return new Interval(Math.max(0, lower), Math.min(1, upper), confidence);
    }
}
