package dev.tunegate.engine.results.record;

import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.results.report.CaseList;
import dev.tunegate.engine.results.report.CaseResult;
import dev.tunegate.engine.results.report.SampleResult;
import dev.tunegate.engine.results.report.VariantResult;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one suite's cases for the whole run, in little memory per case: per variant and
 * case the passes, the number of samples and each sample's latency, in primitive arrays indexed by
 * the case's position in the suite. The samples themselves ({@link SampleResult}s) are kept only
 * for detailed cases and for results in which a sample did not pass; skip reasons only where a
 * variant was skipped. {@link #cases()} rebuilds the report's {@link CaseResult}s from this when they
 * are read; a passing result that kept no samples gets samples with only their latency.
 */
final class SuiteLedger {

    private final EvalSuite suite;
    private final List<String> variants;
    private final Column[] columns;
    private final BitSet recorded = new BitSet();
    private final BitSet detailed = new BitSet();
    private final Map<Integer, String> prompts = new HashMap<>();
    private Map<String, Integer> byId;
    private int last = -1;

    SuiteLedger(EvalSuite suite) {
        this.suite = suite;
        this.variants = List.copyOf(suite.variants().keySet());
        this.columns = new Column[variants.size()];
        for (int v = 0; v < columns.length; v++) {
            columns[v] = new Column(suite.cases().size());
        }
    }

    /**
     * The position of {@code evalCase} in the suite. Results arrive in file order, so it is the case
     * of the previous result or the next one; otherwise (cases selected out of order) an index of the
     * suite's ids is built once.
     */
    int indexOf(EvalCase evalCase) {
        List<EvalCase> cases = suite.cases();
        for (int i = Math.max(0, last); i <= last + 1 && i < cases.size(); i++) {
            if (cases.get(i).id().equals(evalCase.id())) {
                return last = i;
            }
        }
        if (byId == null) {
            byId = new HashMap<>(cases.size() * 2);
            for (int i = 0; i < cases.size(); i++) {
                byId.put(cases.get(i).id(), i);
            }
        }
        Integer i = byId.get(evalCase.id());
        if (i == null) {
            throw new IllegalArgumentException("case '" + evalCase.id() + "' is not in suite " + suite.location());
        }
        return last = i;
    }

    /** Whether any variant's result (or skip) of the case at {@code index} was recorded. */
    boolean isRecorded(int index) {
        return recorded.get(index);
    }

    /** Whether the case at {@code index} keeps answers and every matcher result. */
    boolean isDetailed(int index) {
        return detailed.get(index);
    }

    /** Marks the case at {@code index} as detailed (before its first result is recorded). */
    void markDetailed(int index) {
        detailed.set(index);
    }

    /** The rendered prompt of a detailed case, for the comparison page. */
    void prompt(int index, String prompt) {
        prompts.putIfAbsent(index, prompt);
    }

    /**
     * Records a variant's samples of the case at {@code index}. They are kept when the case is
     * detailed or a sample did not pass; otherwise only their count, passes and latencies are.
     */
    void ran(int index, String variant, List<SampleResult> samples) {
        Column column = columns[variants.indexOf(variant)];
        int passes = 0;
        column.firstLatency[index] = column.latencyCount;
        for (SampleResult s : samples) {
            passes += s.passed() ? 1 : 0;
            column.addLatency(s.latencyMillis());
        }
        column.passes[index] = passes;
        column.samples[index] = samples.size();
        if (detailed.get(index) || passes < samples.size()) {
            column.kept.put(index, List.copyOf(samples));
        } else {
            column.kept.remove(index);
        }
        column.skipped.remove(index);
        recorded.set(index);
    }

    /** Records that a variant did not run the case at {@code index}, and why. */
    void skipped(int index, String variant, String reason) {
        Column column = columns[variants.indexOf(variant)];
        column.samples[index] = 0;
        column.kept.remove(index);
        column.skipped.put(index, reason);
        recorded.set(index);
    }

    /** How many variant results keep their samples (the rest keep counts and latencies only). */
    int keptResults() {
        int kept = 0;
        for (Column column : columns) {
            kept += column.kept.size();
        }
        return kept;
    }

    /** The recorded cases, in file order, each built when it is read (a snapshot of what is recorded now). */
    CaseList cases() {
        int[] indexes = recorded.stream().toArray();
        return new CaseList(indexes.length, i -> caseAt(indexes[i]));
    }

    private CaseResult caseAt(int index) {
        EvalCase c = suite.cases().get(index);
        Map<String, VariantResult> byVariant = new LinkedHashMap<>();
        for (int v = 0; v < columns.length; v++) {
            VariantResult result = columns[v].result(index, variants.get(v), c.passThreshold());
            if (result != null) {
                byVariant.put(variants.get(v), result);
            }
        }
        return new CaseResult(c.id(), c.position().line(), c.tags(), prompts.get(index), byVariant, index);
    }

    /** One variant's results, indexed by case. */
    private static final class Column {
        final int[] passes;
        /** Samples taken; -1 while the variant has no result for the case. */
        final int[] samples;
        /** Where the case's latencies start in {@link #latencies}. */
        final int[] firstLatency;

        int[] latencies = new int[256];
        int latencyCount;
        final Map<Integer, List<SampleResult>> kept = new HashMap<>();
        final Map<Integer, String> skipped = new HashMap<>();

        Column(int cases) {
            passes = new int[cases];
            samples = new int[cases];
            firstLatency = new int[cases];
            Arrays.fill(samples, -1);
        }

        void addLatency(long millis) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, 2 * latencyCount);
            }
            latencies[latencyCount++] = (int) Math.min(Integer.MAX_VALUE, millis);
        }

        VariantResult result(int index, String variant, double passThreshold) {
            String reason = skipped.get(index);
            if (reason != null) {
                return new VariantResult(variant, List.of(), passThreshold, reason);
            }
            if (samples[index] < 0) {
                return null;
            }
            List<SampleResult> samplesOf = kept.get(index);
            if (samplesOf == null) {
                SampleResult[] passed = new SampleResult[samples[index]];
                for (int s = 0; s < passed.length; s++) {
                    passed[s] = new SampleResult(
                            null,
                            null,
                            List.of(),
                            latencies[firstLatency[index] + s],
                            null,
                            null,
                            null,
                            0,
                            null,
                            null,
                            null);
                }
                samplesOf = Arrays.asList(passed);
            }
            return new VariantResult(variant, samplesOf, passThreshold, null);
        }
    }
}
