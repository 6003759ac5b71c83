package dev.tunegate.engine.report;

import dev.tunegate.engine.gate.VariantOutcome;
import dev.tunegate.engine.stats.PassRate;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-variant aggregates of one suite, shared by every report: counts, pass rate with its Wilson
 * interval, samples, flaky cases and latencies.
 *
 * @param variant   the variant
 * @param passed    cases passed
 * @param failed    cases failed on their matchers
 * @param errors    cases that could not be evaluated (infrastructure errors)
 * @param skipped   cases the variant did not run
 * @param passRate  pass rate over the cases run, with its interval
 * @param samples   model calls made
 * @param flaky     ids of cases with 0 &lt; passes &lt; samples
 * @param latencies latency of every sample in milliseconds, in case order
 */
record VariantStats(VariantInfo variant, int passed, int failed, int errors, int skipped, PassRate passRate,
                    int samples, List<String> flaky, List<Long> latencies) {

    static VariantStats of(SuiteResult suite, VariantInfo variant, double confidence) {
        int passed = 0;
        int failed = 0;
        int errors = 0;
        int skipped = 0;
        int samples = 0;
        List<String> flaky = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        for (CaseResult c : suite.cases()) {
            VariantResult r = c.byVariant().get(variant.name());
            VariantOutcome outcome = r == null ? null : r.outcome();
            if (outcome == null) {
                skipped++;
                continue;
            }
            samples += outcome.samples();
            r.samples().forEach(s -> latencies.add(s.latencyMillis()));
            if (outcome.stats().flaky()) {
                flaky.add(c.id());
            }
            switch (r.status()) {
                case "passed" -> passed++;
                case "error" -> errors++;
                default -> failed++;
            }
        }
        return new VariantStats(variant, passed, failed, errors, skipped,
                PassRate.of(passed, passed + failed + errors, confidence), samples, flaky, latencies);
    }

    /** Stats of every variant of a suite, in declaration order. */
    static List<VariantStats> of(SuiteResult suite) {
        double confidence = suite.verdicts().isEmpty() ? 0.95 : suite.verdicts().get(0).candidateRate().interval().confidence();
        return suite.variants().stream().map(v -> of(suite, v, confidence)).toList();
    }
}
