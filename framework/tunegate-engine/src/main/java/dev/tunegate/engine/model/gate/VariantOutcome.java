package dev.tunegate.engine.model.gate;

import dev.tunegate.engine.model.stats.PassRule;
import dev.tunegate.engine.model.stats.RepeatStats;
import org.apiguardian.api.API;

/**
 * What one variant did on one case, over its repeats.
 *
 * @param passes        samples whose matchers all passed
 * @param samples       samples taken ({@code repeat: N})
 * @param passThreshold pass fraction needed for the case to count as passed (default 1.0); 0 means
 *                      that the case passes whenever a sample answered, whatever its matchers said
 * @param error         infrastructure error that prevented every sample from answering (the case
 *                      counts as failed, whatever the threshold), or null when at least one answered
 * @param passesUnlessInconclusive samples that would have passed but for INCONCLUSIVE model-graded checks
 *                      (at least {@code passes})
 */
@API(status = API.Status.INTERNAL)
public record VariantOutcome(
        int passes, int samples, double passThreshold, String error, int passesUnlessInconclusive) {

    /** An outcome without INCONCLUSIVE checks. */
    public VariantOutcome(int passes, int samples, double passThreshold, String error) {
        this(passes, samples, passThreshold, error, passes);
    }

    public VariantOutcome {
        if (!(passThreshold >= 0 && passThreshold <= 1)) {
            throw new IllegalArgumentException("passThreshold must be in [0, 1], was " + passThreshold);
        }
        new RepeatStats(passes, samples);
    }

    /** A single sample that passed or failed, with the default threshold. */
    public static VariantOutcome single(boolean passed) {
        return new VariantOutcome(passed ? 1 : 0, 1, 1.0, null);
    }

    /** The repeat statistics (pass fraction, pass@k, pass^k, flakiness). */
    public RepeatStats stats() {
        return new RepeatStats(passes, samples);
    }

    /** Whether the case counts as passed on this variant, by the {@link PassRule}. */
    public boolean passed() {
        return outcome() == Outcome.PASSED;
    }

    /**
     * Whether the case failed only because of INCONCLUSIVE model-graded checks: it did not pass, but would have
     * passed by the {@link PassRule} had those checks been left out. {@code gate.inconclusive: exclude} leaves
     * such cases out of the gate.
     */
    public boolean inconclusive() {
        return error == null && !passed() && PassRule.passes(passesUnlessInconclusive, samples, samples, passThreshold);
    }

    /** {@link Outcome#ERROR} when no sample answered, otherwise passed or failed by the {@link PassRule}. */
    public Outcome outcome() {
        if (error != null) {
            return Outcome.ERROR;
        }
        // error is null exactly when at least one sample answered, which is all the rule asks of "answered"
        return PassRule.passes(passes, samples, samples, passThreshold) ? Outcome.PASSED : Outcome.FAILED;
    }
}
