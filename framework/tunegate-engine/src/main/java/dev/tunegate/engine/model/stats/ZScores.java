package dev.tunegate.engine.model.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** Two-sided standard normal quantiles, from Commons Statistics. */
final class ZScores {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private ZScores() {}

    /** The z with P(|Z| &le; z) = confidence, e.g. 1.959964 for 0.95. */
    static double twoSided(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        return STANDARD_NORMAL.inverseSurvivalProbability((1 - confidence) / 2);
    }
}
