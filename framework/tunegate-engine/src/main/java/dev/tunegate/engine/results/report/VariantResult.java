package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.model.gate.VariantOutcome;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Every sample of one case on one variant.
 *
 * @param variant       variant name
 * @param samples       samples in order (one per {@code repeat})
 * @param passThreshold pass fraction the case needs on this variant
 * @param skipped       reason the variant did not run the case, or null when it ran
 */
@API(status = API.Status.INTERNAL)
public record VariantResult(String variant, List<SampleResult> samples, double passThreshold, String skipped) {

    public VariantResult {
        samples = List.copyOf(samples);
    }

    /** Samples that passed. */
    public int passes() {
        return (int) samples.stream().filter(SampleResult::passed).count();
    }

    /** The gate's view of this result; null when the variant did not run the case. */
    public VariantOutcome outcome() {
        if (skipped != null || samples.isEmpty()) {
            return null;
        }
        String error = samples.stream().allMatch(s -> s.error() != null)
                ? samples.get(0).error()
                : null;
        int unlessInconclusive = (int)
                samples.stream().filter(SampleResult::passedUnlessInconclusive).count();
        return new VariantOutcome(passes(), samples.size(), passThreshold, error, unlessInconclusive);
    }

    /** True outcome on the case: {@link Outcome#SKIPPED} when the variant did not run it. */
    public Outcome status() {
        VariantOutcome outcome = outcome();
        return outcome == null ? Outcome.SKIPPED : outcome.outcome();
    }
}
