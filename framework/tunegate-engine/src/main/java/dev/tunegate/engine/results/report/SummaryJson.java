package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.CheckpointPoint;
import dev.tunegate.engine.model.gate.CheckpointSweep;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.model.stats.PairedComparison;
import dev.tunegate.engine.model.stats.RepeatStats;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import dev.tunegate.engine.results.summary.SummaryCodec;
import dev.tunegate.engine.results.summary.SummaryDocument;
import java.io.IOException;
import java.io.Writer;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes {@code summary.json} from a {@link RunResult} as a {@link SummaryDocument}. Suites and cases
 * are mapped as the codec reaches them, so a run of any size needs no more memory than one case.
 */
final class SummaryJson {

    /** Schema resource on the classpath. */
    static final String SCHEMA_RESOURCE = "/tunegate-summary.schema.json";

    static final int SCHEMA_VERSION = 1;
    private static final String DIFFERENCE_METHOD = "Newcombe hybrid score (paired, method 10)";

    private SummaryJson() {}

    /** Writes the record, pretty-printed and ending with a newline; the writer is left open. */
    static void write(RunResult run, Writer out) throws IOException {
        SummaryCodec.write(document(run), out);
    }

    /** The run as a summary document whose suites and cases are built when read. */
    static SummaryDocument document(RunResult run) {
        return new SummaryDocument(
                SCHEMA_VERSION,
                run.runId(),
                run.startedAt().toString(),
                run.finishedAt().toString(),
                run.commit(),
                run.passed(),
                mapped(run.suites(), run.shard() == null ? SummaryJson::suite : SummaryJson::shardSuite),
                run.shard() == null ? null : run.shard().toString(),
                run.incomplete() == null ? null : false,
                run.incomplete());
    }

    private static SummaryDocument.Suite suite(SuiteResult suite) {
        return suite(suite, false);
    }

    /** A suite of a shard: with its gate policy and every case's index, what {@code tunegate merge} needs. */
    private static SummaryDocument.Suite shardSuite(SuiteResult suite) {
        return suite(suite, true);
    }

    private static SummaryDocument.Suite suite(SuiteResult suite, boolean shard) {
        List<SummaryDocument.Variant> variants = VariantStats.of(suite).stream()
                .map(stats -> variant(stats, suite.usage().get(stats.variant().name())))
                .toList();
        return new SummaryDocument.Suite(
                suite.name(),
                suite.location(),
                suite.contentHash(),
                suite.gated() ? "gate" : "strict",
                suite.cases().size(),
                variants,
                suite.verdicts().stream().map(SummaryJson::candidate).toList(),
                mapped(suite.cases(), c -> caseOf(c, shard)),
                shard ? suite.policy() : null,
                suite.modelGraded(),
                suite.sweeps().stream().map(SummaryJson::sweep).toList());
    }

    private static SummaryDocument.Variant variant(VariantStats stats, VariantUsage usage) {
        return new SummaryDocument.Variant(
                stats.variant().name(),
                stats.variant().model(),
                stats.variant().role().yamlName(),
                stats.passRate().rate(),
                stats.passRate().passes(),
                stats.passRate().total(),
                stats.passRate().interval(),
                new SummaryDocument.Counts(stats.passed(), stats.failed(), stats.errors(), stats.skipped()),
                new SummaryDocument.Repeats(stats.samples(), stats.flaky()),
                stats.retries(),
                usage == null
                        ? null
                        : new SummaryDocument.Usage(
                                usage.model().calls(),
                                usage.model().prompt(),
                                usage.model().output(),
                                usage.model().thinking(),
                                usage.judge().total(),
                                usage.costUsd()),
                stats.variant().frozen() ? true : null,
                stats.variant().recorded() == null
                        ? null
                        : new SummaryDocument.Recorded(
                                stats.variant().recorded().earliest().toString(),
                                stats.variant().recorded().latest().toString()),
                stats.variant().checkpoint());
    }

    private static SummaryDocument.CheckpointSweep sweep(CheckpointSweep sweep) {
        return new SummaryDocument.CheckpointSweep(
                sweep.variant(),
                sweep.tuningJob(),
                sweep.baseline(),
                sweep.best(),
                sweep.margin(),
                sweep.confidence(),
                sweep.points().stream().map(SummaryJson::checkpoint).toList(),
                sweep.recommended()
                        .map(p -> new SummaryDocument.Recommendation(
                                p.variant(),
                                p.checkpoint().tuningJob(),
                                p.checkpoint().checkpointId(),
                                p.checkpoint().epoch(),
                                p.checkpoint().endpoint(),
                                sweep.reason()))
                        .orElse(null),
                sweep.recommended().isPresent() ? null : sweep.reason());
    }

    private static SummaryDocument.CheckpointResult checkpoint(CheckpointPoint p) {
        VariantCheckpoint c = p.checkpoint();
        GateVerdict v = p.verdict();
        return new SummaryDocument.CheckpointResult(
                p.variant(),
                c.checkpointId(),
                c.epoch(),
                c.step(),
                c.endpoint(),
                c.isDefault(),
                v.passed() ? Outcome.PASSED : Outcome.FAILED,
                v.reasons(),
                v.candidateRate().rate(),
                v.candidateRate().interval(),
                v.regressions(),
                v.improvements(),
                p.vsBest() == null ? null : difference(p.vsBest()),
                p.nonInferior());
    }

    private static SummaryDocument.Difference difference(PairedComparison comparison) {
        return new SummaryDocument.Difference(
                comparison.table().difference(),
                comparison.difference().lower(),
                comparison.difference().upper(),
                comparison.difference().confidence(),
                DIFFERENCE_METHOD);
    }

    private static SummaryDocument.Candidate candidate(GateVerdict v) {
        var comparison = v.comparison();
        return new SummaryDocument.Candidate(
                v.candidate(),
                v.baseline(),
                v.passed() ? Outcome.PASSED : Outcome.FAILED,
                v.subset(),
                v.judgedCases(),
                v.suiteCases(),
                v.reasons(),
                v.checks(),
                v.candidateRate().rate(),
                v.candidateRate().passes(),
                v.candidateRate().total(),
                v.candidateRate().interval(),
                comparison == null ? null : comparison.table(),
                comparison == null ? null : comparison.pValue(),
                comparison == null ? null : difference(comparison),
                v.regressions(),
                v.improvements());
    }

    private static SummaryDocument.Case caseOf(CaseResult c, boolean shard) {
        Map<String, SummaryDocument.CaseVariant> variants = new LinkedHashMap<>();
        c.byVariant().forEach((name, result) -> variants.put(name, caseVariant(result)));
        return new SummaryDocument.Case(c.id(), c.tags(), variants, shard && c.index() >= 0 ? c.index() : null);
    }

    private static SummaryDocument.CaseVariant caseVariant(VariantResult r) {
        if (r.outcome() == null) {
            return new SummaryDocument.CaseVariant(r.status(), null, null, null, null, null, null, null);
        }
        RepeatStats stats = r.outcome().stats();
        Map<String, Double> passAtK = new LinkedHashMap<>();
        Map<String, Double> passHatK = new LinkedHashMap<>();
        for (int k : ks(stats.samples())) {
            passAtK.put(Integer.toString(k), stats.passAtK(k));
            passHatK.put(Integer.toString(k), stats.passHatK(k));
        }
        return new SummaryDocument.CaseVariant(
                r.status(),
                stats.passes(),
                stats.samples(),
                stats.passFraction(),
                stats.flaky(),
                passAtK,
                passHatK,
                r.outcome().inconclusive() ? Boolean.TRUE : null);
    }

    /** The k reported for pass@k and pass^k: 1, 2, 5, 10 and N, as far as N allows. */
    static List<Integer> ks(int n) {
        TreeSet<Integer> ks = new TreeSet<>();
        for (int k : new int[] {1, 2, 5, 10, n}) {
            if (k <= n) {
                ks.add(k);
            }
        }
        return List.copyOf(ks);
    }

    /** {@code source} seen through {@code map}, each element mapped when it is read and not kept. */
    private static <S, T> List<T> mapped(List<S> source, Function<S, T> map) {
        return new Mapped<>(source, map);
    }

    /** A read-only view mapping each element on read, for streaming large runs. */
    private static final class Mapped<S, T> extends AbstractList<T> implements RandomAccess {
        private final List<S> source;
        private final Function<S, T> map;

        Mapped(List<S> source, Function<S, T> map) {
            this.source = source;
            this.map = map;
        }

        @Override
        public T get(int index) {
            return map.apply(source.get(index));
        }

        @Override
        public int size() {
            return source.size();
        }
    }
}
