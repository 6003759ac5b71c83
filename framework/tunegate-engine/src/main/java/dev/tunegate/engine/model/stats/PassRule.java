package dev.tunegate.engine.model.stats;

import org.apiguardian.api.API;

/**
 * The one rule for whether a case passes on a variant: at least one sample answered and at least
 * {@code ceil(passThreshold × samples)} samples passed every matcher. So {@code passThreshold: 0}
 * means "the model must answer; the matchers are only reported", and a variant none of whose samples
 * answered never passes, whatever the threshold. The run's judge, the gate and the reports all ask it.
 */
@API(status = API.Status.INTERNAL)
public final class PassRule {

    private PassRule() {}

    /** Samples that must pass: {@code ceil(passThreshold × samples)}, tolerant of rounding in the product. */
    public static int required(double passThreshold, int samples) {
        return (int) Math.ceil(passThreshold * samples - 1e-9);
    }

    /** Whether the case passes: {@code answered > 0} and {@code passes >= required(passThreshold, samples)}. */
    public static boolean passes(int passes, int answered, int samples, double passThreshold) {
        return answered > 0 && passes >= required(passThreshold, samples);
    }
}
