package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.VariantOutcome;
import dev.tunegate.engine.model.stats.PassRate;
import java.util.ArrayList;
import java.util.Arrays;
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
 * @param latencies latency of every sample in milliseconds, sorted (ascending)
 * @param retries   transport retries of every sample, failed calls included
 */
record VariantStats(
        VariantInfo variant,
        int passed,
        int failed,
        int errors,
        int skipped,
        PassRate passRate,
        int samples,
        List<String> flaky,
        long[] latencies,
        long retries) {

    /**
     * Stats of every variant of a suite, in declaration order, from one pass over its cases (a large
     * suite's cases may be built as they are read).
     */
    static List<VariantStats> of(SuiteResult suite) {
        double confidence = suite.verdicts().isEmpty()
                ? 0.95
                : suite.verdicts().get(0).candidateRate().interval().confidence();
        List<Counts> counts = suite.variants().stream().map(v -> new Counts()).toList();
        for (CaseResult c : suite.cases()) {
            for (int v = 0; v < counts.size(); v++) {
                counts.get(v).add(c, c.byVariant().get(suite.variants().get(v).name()));
            }
        }
        List<VariantStats> stats = new ArrayList<>();
        for (int v = 0; v < counts.size(); v++) {
            Counts n = counts.get(v);
            long[] latencies = Arrays.copyOf(n.latencies, n.latencyCount);
            Arrays.sort(latencies);
            stats.add(new VariantStats(
                    suite.variants().get(v),
                    n.passed,
                    n.failed,
                    n.errors,
                    n.skipped,
                    PassRate.of(n.passed, n.passed + n.failed + n.errors, confidence),
                    n.samples,
                    n.flaky,
                    latencies,
                    n.retries));
        }
        return stats;
    }

    /** One variant's running totals. */
    private static final class Counts {
        int passed;
        int failed;
        int errors;
        int skipped;
        int samples;
        final List<String> flaky = new ArrayList<>();
        long[] latencies = new long[64];
        int latencyCount;
        long retries;

        void add(CaseResult c, VariantResult r) {
            VariantOutcome outcome = r == null ? null : r.outcome();
            if (outcome == null) {
                skipped++;
                return;
            }
            samples += outcome.samples();
            for (SampleResult s : r.samples()) {
                if (latencyCount == latencies.length) {
                    latencies = Arrays.copyOf(latencies, 2 * latencyCount);
                }
                latencies[latencyCount++] = s.latencyMillis();
                retries += s.retries();
            }
            if (outcome.stats().flaky()) {
                flaky.add(c.id());
            }
            switch (outcome.outcome()) {
                case PASSED -> passed++;
                case ERROR -> errors++;
                default -> failed++;
            }
        }
    }
}
