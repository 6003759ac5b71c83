package dev.tunegate.engine.results.record;

import dev.tunegate.engine.config.ComparisonSettings;
import dev.tunegate.engine.matchers.Verdict;
import dev.tunegate.engine.model.gate.CaseOutcome;
import dev.tunegate.engine.model.gate.CheckpointRecommender;
import dev.tunegate.engine.model.gate.Freezing;
import dev.tunegate.engine.model.gate.GateEvaluator;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.model.gate.Role;
import dev.tunegate.engine.model.gate.SuiteGate;
import dev.tunegate.engine.model.stats.TokenUsage;
import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.SuiteLocations;
import dev.tunegate.engine.results.allure.Allure3Config;
import dev.tunegate.engine.results.allure.AllureCase;
import dev.tunegate.engine.results.allure.AllureReporter;
import dev.tunegate.engine.results.allure.RunArtifacts;
import dev.tunegate.engine.results.report.CaseList;
import dev.tunegate.engine.results.report.CommitId;
import dev.tunegate.engine.results.report.MatcherResult;
import dev.tunegate.engine.results.report.ReportWriter;
import dev.tunegate.engine.results.report.RunResult;
import dev.tunegate.engine.results.report.SampleResult;
import dev.tunegate.engine.results.report.SuiteResult;
import dev.tunegate.engine.results.report.VariantInfo;
import dev.tunegate.engine.results.report.VariantResult;
import dev.tunegate.engine.results.report.VariantUsage;
import dev.tunegate.engine.results.report.VerdictBlock;
import dev.tunegate.engine.run.BudgetExceededException;
import dev.tunegate.engine.run.GateFailurePolicy;
import dev.tunegate.engine.run.PlannedTest;
import dev.tunegate.engine.run.ResultListener;
import dev.tunegate.engine.run.Sample;
import dev.tunegate.engine.run.VariantRun;
import dev.tunegate.engine.run.replay.RecordingTimes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;

/**
 * Records every result of a run (the engine's {@link ResultListener}), judges each suite's gate for
 * its gate tests, feeds Allure, and writes TuneGate's reports when the run finishes.
 *
 * <p>Memory per case is bounded (see {@link SuiteLedger}): answers and every matcher result are kept
 * for the first {@code tunegate.reports.detailed-cases} cases, failure messages for as many failed
 * results beyond those, and for every other result its outcome, latencies and failed matchers.
 * Allure gets each test's full details when the test finishes; they are not kept.
 */
final class RunRecorder implements ResultListener {

    private final ComparisonSettings settings;
    private final RecordingTimes times;
    private final GateFailurePolicy gates;
    private final SampleMapper mapper;
    private final Secrets secrets;
    private final AllureReporter allure;
    private final Map<String, String> environment;
    private final Map<String, String> runEnvironment;
    private final Clock clock;
    private final SharedRuns.Shared shared;
    private final VerdictLog.Runs verdicts;
    private final List<SuiteResult> finished = new ArrayList<>();
    private final Map<java.net.URI, SuiteRecord> open = new LinkedHashMap<>();
    private int detailedCases;
    private int failureMessages;
    private boolean started;
    /** Why the run could not make all its calls (the first budget refusal), or null. */
    private String incomplete;

    RunRecorder(
            ComparisonSettings settings,
            RecordingTimes times,
            GateFailurePolicy gates,
            Secrets secrets,
            AllureReporter allure,
            Map<String, String> environment,
            Map<String, String> runEnvironment,
            Clock clock,
            VerdictLog.Runs verdicts) {
        this.settings = settings;
        this.times = times;
        this.gates = gates;
        this.mapper = new SampleMapper(secrets);
        this.secrets = secrets;
        this.allure = allure;
        this.environment = environment;
        this.runEnvironment = runEnvironment;
        this.clock = clock;
        this.shared = SharedRuns.of(settings.reportsDir(), clock.instant());
        this.verdicts = verdicts;
    }

    @Override
    public synchronized void suiteStarted(EvalSuite suite) {
        if (!started) {
            started = true;
            if (allure != null && settings.allureClean() && shared.firstAllureClean()) {
                RunArtifacts.clean(settings.allureResultsDir());
            }
        }
        open.put(suite.location(), new SuiteRecord(suite, gates.gate(suite), secrets));
    }

    @Override
    public synchronized void variantFinished(VariantRun run, List<Optional<Verdict>> verdicts, boolean passed) {
        PlannedTest test = run.test();
        SuiteRecord suite = record(test.suite());
        int index = suite.ledger.indexOf(test.evalCase());
        boolean detailed = detailed(suite.ledger, index);
        List<SampleResult> kept = new ArrayList<>();
        String prompt = null;
        for (int i = 0; i < run.samples().size(); i++) {
            Sample sample = run.samples().get(i);
            Optional<Verdict> verdict = i < verdicts.size() ? verdicts.get(i) : Optional.empty();
            kept.add(mapper.map(
                    sample,
                    verdict,
                    test.evalCase().expect(),
                    detailed ? SampleMapper.Detail.ANSWERS : SampleMapper.Detail.OUTCOME));
            if (prompt == null) {
                prompt = mapper.prompt(sample.request());
            }
            for (var graded : sample.graded().entrySet()) {
                int at = graded.getKey();
                if (at < test.matchers().size()) {
                    suite.graded.add(
                            test.evalCase().id(),
                            test.variant().name(),
                            i,
                            test.matchers().get(at),
                            graded.getValue(),
                            detailed);
                }
            }
        }
        if (detailed && prompt != null) {
            suite.ledger.prompt(index, prompt);
        }
        if (!detailed && !kept.stream().allMatch(SampleResult::passed)) {
            if (failureMessages < settings.detailedCases()) {
                failureMessages++;
            } else {
                kept = kept.stream().map(RunRecorder::withoutMessages).toList();
            }
        }
        String model = run.samples().isEmpty()
                ? test.variant().model()
                : run.samples().get(0).model();
        suite.models.put(test.variant().name(), model);
        for (Sample sample : run.samples()) {
            sample.answer()
                    .flatMap(a -> a.usage())
                    .ifPresent(u -> suite.usage.merge(
                            test.variant().name(),
                            TokenUsage.of(u.promptTokenCount(), u.candidatesTokenCount(), u.thoughtsTokenCount()),
                            TokenUsage::plus));
            if (incomplete == null && sample.error().orElse(null) instanceof BudgetExceededException e) {
                incomplete = e.getMessage();
            }
        }
        double threshold = test.evalCase().passThreshold();
        suite.ledger.ran(index, test.variant().name(), kept);
        if (allure != null) {
            Optional<String> tolerated = passed ? Optional.empty() : gates.toleratedReason(test);
            // the detailed result (answers, request and response JSON) is made where the Allure result is built
            Outcome status = new VariantResult(test.variant().name(), kept, threshold, null).status();
            allure.variantFinished(
                    allureCase(suite, test, model, prompt),
                    status,
                    () -> new VariantResult(test.variant().name(), full(run, verdicts), threshold, null),
                    tolerated);
        }
    }

    private List<SampleResult> full(VariantRun run, List<Optional<Verdict>> verdicts) {
        List<SampleResult> full = new ArrayList<>(run.samples().size());
        for (int i = 0; i < run.samples().size(); i++) {
            Optional<Verdict> verdict = i < verdicts.size() ? verdicts.get(i) : Optional.empty();
            full.add(mapper.map(
                    run.samples().get(i), verdict, run.test().evalCase().expect(), SampleMapper.Detail.FULL));
        }
        return full;
    }

    @Override
    public synchronized void variantSkipped(PlannedTest test, String reason) {
        SuiteRecord suite = record(test.suite());
        suite.ledger.skipped(
                suite.ledger.indexOf(test.evalCase()), test.variant().name(), reason);
    }

    /**
     * Whether the case at {@code index} keeps answers and every matcher result: decided when its
     * first result arrives, for the first {@code tunegate.reports.detailed-cases} cases of the run.
     */
    private boolean detailed(SuiteLedger ledger, int index) {
        if (ledger.isRecorded(index)) {
            return ledger.isDetailed(index);
        }
        if (detailedCases >= settings.detailedCases()) {
            return false;
        }
        detailedCases++;
        ledger.markDetailed(index);
        return true;
    }

    /** A failed sample as kept once the failure messages are used up: which matchers failed, not why. */
    private static SampleResult withoutMessages(SampleResult s) {
        List<MatcherResult> matchers = s.matchers().stream()
                .map(m -> new MatcherResult(
                        m.type(), m.description(), m.passed(), null, m.line(), null, m.inconclusive()))
                .toList();
        return new SampleResult(
                s.answer(),
                s.finishReason(),
                matchers,
                s.latencyMillis(),
                s.promptTokens(),
                s.outputTokens(),
                s.totalTokens(),
                s.retries(),
                s.error(),
                s.requestJson(),
                s.responseJson(),
                s.firstChunkMillis());
    }

    @Override
    public synchronized void suiteFinished(EvalSuite suite) {
        SuiteRecord record = open.remove(suite.location());
        if (allure != null) {
            allure.flush();
        }
        if (record == null) {
            return;
        }
        List<GateVerdict> verdicts = record.gate.roles().candidates().stream()
                .map(candidate -> verdict(record, candidate))
                .toList();
        List<VariantInfo> variants = variants(record);
        finished.add(new SuiteResult(
                suite.name(),
                suite.location().toString(),
                suite.contentHash(),
                record.gate.roles().gated(),
                variants,
                record.ledger.cases(),
                verdicts,
                record.gate.policy(),
                usage(record),
                record.graded.summary(),
                CheckpointRecommender.sweeps(
                        record.gate.policy(), VariantInfo.checkpoints(variants), verdicts, outcomes(record))));
    }

    /** The gate's verdict on {@code candidate} over the cases run so far in {@code suite}. */
    synchronized GateVerdict verdict(EvalSuite suite, String candidate) {
        return verdict(record(suite), candidate);
    }

    /** Hands a gate test's verdict to Allure. */
    synchronized void gateReported(EvalSuite suite, GateVerdict verdict, String uniqueId, String displayName) {
        if (allure != null) {
            allure.gateFinished(suite.name(), SuiteLocations.display(suite.location()), verdict, uniqueId, displayName);
        }
    }

    @Override
    public synchronized void runFinished() {
        for (SuiteRecord record : List.copyOf(open.values())) {
            suiteFinished(record.suite);
        }
        if (allure != null) {
            allure.finish();
        }
        if (finished.isEmpty() && settings.shard().isEmpty()) {
            return; // nothing ran; a shard writes its (empty) summary so that tunegate merge sees every shard
        }
        String commit = CommitId.resolve(environment, Path.of("").toAbsolutePath());
        RunResult run = new RunResult(
                shared.runId,
                shared.startedAt,
                clock.instant(),
                commit,
                shared.add(finished),
                settings.shard().orElse(null),
                incomplete);
        ReportWriter reports = new ReportWriter(settings.reportsDir(), environment);
        if (settings.reportsEnabled()) {
            reports.write(run);
        }
        if (verdicts != null) {
            Path reportsDir = settings.reportsDir().toAbsolutePath().normalize();
            verdicts.finished(
                    reportsDir,
                    VerdictBlock.render(
                            run,
                            settings.reportsEnabled()
                                    ? reports.directory().toAbsolutePath().normalize()
                                    : null,
                            allure == null
                                    ? null
                                    : settings.allureResultsDir()
                                            .toAbsolutePath()
                                            .normalize(),
                            reportsDir.resolve("allure-report")));
        }
        if (allure != null) {
            Map<String, String> env = new LinkedHashMap<>(runEnvironment);
            if (commit != null) {
                env.put("commit", commit);
            }
            for (SuiteResult s : run.suites()) {
                s.variants()
                        .forEach(v -> env.put(
                                "model." + s.name() + "." + v.name(),
                                v.model() + " (" + v.role().yamlName() + ")"));
            }
            RunArtifacts.write(settings.allureResultsDir(), env, environment);
            RunArtifacts.carryHistory(settings.reportsDir().resolve("allure-report"), settings.allureResultsDir());
            Allure3Config.write(
                    settings.reportsDir(),
                    settings.allureResultsDir(),
                    run.suites().stream().flatMap(s -> s.variants().stream()).toList());
        }
    }

    /** Each variant's tokens and their cost by the price table (unknown without a price for its model). */
    private Map<String, VariantUsage> usage(SuiteRecord record) {
        Map<String, VariantUsage> usage = new LinkedHashMap<>();
        record.usage.forEach((variant, tokens) -> {
            String model = record.models.getOrDefault(
                    variant, record.suite.variants().get(variant).model());
            Double cost = settings.prices()
                    .of(model)
                    .map(p -> p.cost(tokens.prompt(), tokens.output(), tokens.thinking()))
                    .orElse(null);
            long judged = record.graded.tokens(variant);
            usage.put(
                    variant,
                    new VariantUsage(tokens, judged == 0 ? TokenUsage.NONE : new TokenUsage(0, judged, 0, 0), cost));
        });
        return usage;
    }

    private SuiteRecord record(EvalSuite suite) {
        return open.computeIfAbsent(suite.location(), l -> new SuiteRecord(suite, gates.gate(suite), secrets));
    }

    private GateVerdict verdict(SuiteRecord record, String candidate) {
        GateVerdict verdict = GateEvaluator.evaluate(
                record.suite.name(),
                record.gate.policy(),
                record.gate.roles(),
                candidate,
                outcomes(record),
                record.suite.cases().size());
        return record.graded.withWinRateRules(verdict, record.suite.gate());
    }

    /** Every recorded case's outcomes, each built when read. */
    private static List<CaseOutcome> outcomes(SuiteRecord record) {
        CaseList cases = record.ledger.cases();
        return new AbstractList<>() {
            @Override
            public CaseOutcome get(int index) {
                return cases.get(index).outcome();
            }

            @Override
            public int size() {
                return cases.size();
            }
        };
    }

    private List<VariantInfo> variants(SuiteRecord record) {
        List<VariantInfo> variants = new ArrayList<>();
        record.suite
                .variants()
                .forEach((name, v) -> variants.add(new VariantInfo(
                        name,
                        record.models.getOrDefault(name, v.model()),
                        record.gate.roles().of(name),
                        temperature(v),
                        Freezing.frozen(v, record.gate.roles().of(name), settings),
                        times.of(record.suite.name(), name).orElse(null),
                        v.checkpoint().orElse(null))));
        return variants;
    }

    private AllureCase allureCase(SuiteRecord suite, PlannedTest test, String model, String prompt) {
        ModelVariant v = test.variant();
        Role role = suite.gate.roles().of(v.name());
        EvalCase c = test.evalCase();
        boolean enforced = role == Role.CANDIDATE && suite.gate.policy().enforces(c.tags());
        return new AllureCase(
                test.suite().name(),
                SuiteLocations.display(c.file()),
                c.id(),
                c.position().line(),
                c.tags(),
                enforced,
                new VariantInfo(v.name(), model, role, temperature(v)),
                c.repeat(),
                prompt,
                uniqueIdString(test.id()),
                test.suite().name() + " › " + c.id() + " [" + v.name() + "]");
    }

    /**
     * The unique id as a string. {@code UniqueId.toString()} keeps its string (softly) in the id, and
     * the test's descriptor holds that id for the whole run: some 35 MB for 200,000 tests that the
     * collector frees only when the heap is nearly full. A copy's string goes with the copy.
     */
    private static String uniqueIdString(UniqueId id) {
        UniqueId copy = null;
        for (UniqueId.Segment segment : id.getSegments()) {
            copy = copy == null ? UniqueId.root(segment.getType(), segment.getValue()) : copy.append(segment);
        }
        return String.valueOf(copy);
    }

    private static Double temperature(ModelVariant v) {
        var t = v.generationConfig() == null ? null : v.generationConfig().get("temperature");
        return t != null && t.isNumber() ? t.asDouble() : null;
    }

    private static final class SuiteRecord {
        final EvalSuite suite;
        final SuiteGate gate;
        final SuiteLedger ledger;
        final Map<String, String> models = new LinkedHashMap<>();
        final Map<String, TokenUsage> usage = new LinkedHashMap<>();
        final GradedTally graded;

        SuiteRecord(EvalSuite suite, SuiteGate gate, Secrets secrets) {
            this.suite = suite;
            this.gate = gate;
            this.ledger = new SuiteLedger(suite);
            this.graded = new GradedTally(secrets);
        }
    }
}
