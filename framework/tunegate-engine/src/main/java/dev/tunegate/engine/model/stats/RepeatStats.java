package dev.tunegate.engine.model.stats;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.apiguardian.api.API;

/**
 * Repeated sampling of one case on one variant: c passes out of n samples.
 *
 * <p>pass@k and pass^k use the unbiased estimators over the n samples (Chen et al. 2021, "Evaluating
 * Large Language Models Trained on Code"; Yao et al. 2024, "&tau;-bench"):
 * pass@k = 1 &minus; C(n&minus;c, k) / C(n, k) (at least one of k draws without replacement passes) and
 * pass^k = C(c, k) / C(n, k) (all k draws pass). Both are hypergeometric probabilities, computed with
 * Commons Statistics.
 *
 * @param passes  samples that passed
 * @param samples samples taken
 */
@API(status = API.Status.INTERNAL)
public record RepeatStats(int passes, int samples) {

    public RepeatStats {
        Counts.requireSubset(passes, samples, "passes");
        if (samples == 0) {
            throw new IllegalArgumentException("samples must be at least 1");
        }
    }

    /** passes / samples. */
    public double passFraction() {
        return (double) passes / samples;
    }

    /** Whether enough samples passed for {@code threshold}: {@code passes >= }{@link PassRule#required}. */
    public boolean passes(double threshold) {
        return passes >= PassRule.required(threshold, samples);
    }

    /** Sometimes passed, sometimes failed. */
    public boolean flaky() {
        return passes > 0 && passes < samples;
    }

    /** Probability that at least one of k samples (drawn without replacement) passes. */
    public double passAtK(int k) {
        return 1 - draw(k).probability(0);
    }

    /** Probability that all k samples (drawn without replacement) pass. */
    public double passHatK(int k) {
        return draw(k).probability(k);
    }

    private HypergeometricDistribution draw(int k) {
        if (k < 1 || k > samples) {
            throw new IllegalArgumentException("k must be in [1, " + samples + "], was " + k);
        }
        return HypergeometricDistribution.of(samples, passes, k);
    }
}
