package dev.tunegate.engine.results.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tunegate.engine.model.gate.GateCheck;
import dev.tunegate.engine.model.gate.GatePolicy;
import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.model.stats.Interval;
import dev.tunegate.engine.model.stats.PairedTable;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code summary.json}, the machine-readable promotion record, as typed data: the engine writes it
 * and the CLI reads it through these records ({@link SummaryCodec}), so both follow the published
 * schema {@code tunegate-summary.schema.json} by construction. The component order is the field
 * order of the file.
 *
 * <p>Lists are kept as given (never copied), so that a writer can pass lists that build each element
 * when it is read and stream a run of any size; a missing list reads as empty.
 *
 * @param schemaVersion version of the schema (1)
 * @param runId         unique id of the run
 * @param startedAt     when the run started (ISO-8601 instant)
 * @param finishedAt    when the run finished (ISO-8601 instant)
 * @param commit        git commit tested, or null
 * @param passed        whether every gate of every suite passed
 * @param suites        every suite, in execution order (required: a file without it is not a summary)
 * @param shard         {@code i/n} when the run was one shard of a sharded run ({@code tunegate.shard}), else absent
 * @param complete      {@code false} when the run could not make all its calls (then never passed); else absent
 * @param incomplete    why the run is incomplete (e.g. {@code tunegate.budget} reached), else absent
 */
@API(status = API.Status.INTERNAL)
public record SummaryDocument(
        int schemaVersion,
        String runId,
        String startedAt,
        String finishedAt,
        String commit,
        boolean passed,
        @JsonProperty(required = true) List<Suite> suites,
        @JsonInclude(JsonInclude.Include.NON_NULL) String shard,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean complete,
        @JsonInclude(JsonInclude.Include.NON_NULL) String incomplete) {

    public SummaryDocument {
        suites = orEmpty(suites);
    }

    /**
     * One suite.
     *
     * @param name        suite name
     * @param location    {@code classpath:/…} or {@code file:/…} URI of the suite file
     * @param contentHash SHA-256 (hex) of the suite file
     * @param mode        {@code gate} with a gate block, {@code strict} without
     * @param caseCount   number of cases
     * @param variants    per-variant aggregates, in declaration order
     * @param candidates  the gate's verdict per candidate
     * @param cases       every case, in file order
     * @param gate        the gate policy applied (overrides included), written by shards so that
     *                    {@code tunegate merge} can judge the merged cases; absent otherwise
     * @param modelGraded the model-graded checks, absent when the suite has none
     * @param checkpointSweeps per tuning job whose checkpoints are candidates: every checkpoint in epoch order
     *                    and the recommended one; absent when no candidate is a checkpoint
     */
    public record Suite(
            String name,
            String location,
            String contentHash,
            String mode,
            int caseCount,
            List<Variant> variants,
            List<Candidate> candidates,
            List<Case> cases,
            @JsonInclude(JsonInclude.Include.NON_NULL) GatePolicy gate,
            @JsonInclude(JsonInclude.Include.NON_NULL) ModelGraded modelGraded,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CheckpointSweep> checkpointSweeps) {

        public Suite {
            checkpointSweeps = orEmpty(checkpointSweeps);
            variants = orEmpty(variants);
            candidates = orEmpty(candidates);
            cases = orEmpty(cases);
        }

        /** A suite without model-graded checks. */
        public Suite(
                String name,
                String location,
                String contentHash,
                String mode,
                int caseCount,
                List<Variant> variants,
                List<Candidate> candidates,
                List<Case> cases) {
            this(name, location, contentHash, mode, caseCount, variants, candidates, cases, null, null, null);
        }
    }

    /**
     * The checkpoints of one tuning job that a suite evaluated as candidates (a variant written with
     * {@code checkpoints:}), and the checkpoint to promote.
     *
     * @param variant          the variant as written in the suite, e.g. {@code cand}
     * @param tuningJob        {@code projects/P/locations/L/tuningJobs/J}
     * @param baseline         the baseline every checkpoint was gated against, or null
     * @param best             the best-scoring checkpoint's variant (highest pass rate, the earliest of a tie)
     * @param margin           non-inferiority margin against the best (the gate's {@code nonInferiority.margin}, else 0)
     * @param confidence       confidence level of the comparison with the best
     * @param checkpoints      every checkpoint, by epoch
     * @param recommendation   the earliest checkpoint that passes the gate and is non-inferior to the best; absent
     *                         when there is none
     * @param noRecommendation why no checkpoint is recommended (which rule each checkpoint failed); absent when one is
     */
    public record CheckpointSweep(
            String variant,
            String tuningJob,
            String baseline,
            String best,
            double margin,
            double confidence,
            List<CheckpointResult> checkpoints,
            @JsonInclude(JsonInclude.Include.NON_NULL) Recommendation recommendation,
            @JsonInclude(JsonInclude.Include.NON_NULL) String noRecommendation) {

        public CheckpointSweep {
            checkpoints = orEmpty(checkpoints);
        }
    }

    /**
     * One checkpoint of a sweep.
     *
     * @param variant          the checkpoint's variant, {@code <variant>@<checkpointId>}
     * @param checkpointId     the job's checkpoint id
     * @param epoch            epoch the checkpoint was taken at
     * @param step             training step the checkpoint was taken at
     * @param endpoint         the endpoint serving the checkpoint
     * @param isDefault        whether it is the job's default checkpoint
     * @param verdict          the gate's verdict on it against the baseline
     * @param failedRules      one line per gate rule it failed
     * @param passRate         cases passed / cases run
     * @param passRateInterval Wilson interval of the pass rate
     * @param regressions      cases the baseline passes and the checkpoint fails
     * @param improvements     cases the baseline fails and the checkpoint passes
     * @param vsBest           this checkpoint minus the best one over the cases both ran; absent for the best
     * @param nonInferior      whether it is non-inferior to the best (lower bound of {@code vsBest} above -margin)
     */
    public record CheckpointResult(
            String variant,
            String checkpointId,
            int epoch,
            long step,
            String endpoint,
            @JsonProperty("default") boolean isDefault,
            Outcome verdict,
            List<String> failedRules,
            double passRate,
            Interval passRateInterval,
            List<String> regressions,
            List<String> improvements,
            @JsonInclude(JsonInclude.Include.NON_NULL) Difference vsBest,
            boolean nonInferior) {

        public CheckpointResult {
            failedRules = orEmpty(failedRules);
            regressions = orEmpty(regressions);
            improvements = orEmpty(improvements);
        }
    }

    /**
     * The checkpoint to promote, for CI to act on.
     *
     * @param variant      the checkpoint's variant, {@code <variant>@<checkpointId>}
     * @param tuningJob    {@code projects/P/locations/L/tuningJobs/J}
     * @param checkpointId the job's checkpoint id
     * @param epoch        epoch the checkpoint was taken at
     * @param endpoint     the endpoint serving the checkpoint
     * @param reason       why this checkpoint (and not an earlier or the best one)
     */
    public record Recommendation(
            String variant, String tuningJob, String checkpointId, int epoch, String endpoint, String reason) {}

    /**
     * The model-graded checks of a suite ({@code judge}, {@code pairwise}, {@code similar}); absent when it
     * has none.
     *
     * @param variants per variant: the checks' verdict counts, pairwise win rates and judge token usage
     * @param verdicts every verdict with its reasoning, for the first {@code tunegate.reports.detailed-cases} cases
     */
    public record ModelGraded(List<GradedVariant> variants, List<GradedVerdict> verdicts) {
        public ModelGraded {
            variants = orEmpty(variants);
            verdicts = orEmpty(verdicts);
        }
    }

    /**
     * One variant's model-graded checks.
     *
     * @param variant     variant name
     * @param judgeTokens tokens the judge and embedding calls used, counted apart from the variant's own calls
     * @param checks      per check: how many samples got each status
     * @param pairwise    per compared variant: wins, ties, losses and the win rate
     */
    public record GradedVariant(String variant, long judgeTokens, List<GradedCheck> checks, List<Pairwise> pairwise) {
        public GradedVariant {
            checks = orEmpty(checks);
            pairwise = orEmpty(pairwise);
        }
    }

    /**
     * One model-graded check's verdicts on a variant.
     *
     * @param matcher     {@code judge}, {@code pairwise} or {@code similar}
     * @param description the check's description
     * @param counts      samples per status (PASS, FAIL, INCONCLUSIVE, ERROR, WIN, TIE, LOSS, NOT_COMPARED)
     * @param advisory    why the check is advisory (reported, not enforced), or null
     */
    public record GradedCheck(
            String matcher,
            String description,
            Map<String, Integer> counts,
            @JsonInclude(JsonInclude.Include.NON_NULL) String advisory) {}

    /**
     * Pairwise comparisons of a variant with another, one per case and sample.
     *
     * @param against         the compared variant
     * @param wins            comparisons won (both orders preferred this variant)
     * @param ties            ties (also when the two orders disagreed)
     * @param losses          comparisons lost
     * @param winRate         (wins + ties / 2) / comparisons
     * @param winRateInterval Wilson interval, each order of a comparison counted as one trial
     */
    public record Pairwise(String against, int wins, int ties, int losses, double winRate, Interval winRateInterval) {}

    /**
     * One verdict of a model-graded check.
     *
     * @param caseId    case id
     * @param variant   variant
     * @param sample    sample index
     * @param matcher   {@code judge}, {@code pairwise} or {@code similar}
     * @param status    the verdict
     * @param score     judge score, similarity or win share; null when none
     * @param reasoning the judge's reasoning (or how the similarity was found)
     * @param compared  the compared variant's answer of a pairwise comparison, or null
     * @param advisory  why the check is advisory, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GradedVerdict(
            String caseId,
            String variant,
            int sample,
            String matcher,
            String status,
            Double score,
            String reasoning,
            String compared,
            String advisory) {}

    /**
     * One variant's aggregates over the cases of a suite.
     *
     * @param name             variant name
     * @param model            model resource name called
     * @param role             {@code candidate}, {@code baseline} or {@code reference}
     * @param passRate         cases passed / cases run (errors count as failures)
     * @param passes           cases passed
     * @param total            cases run
     * @param passRateInterval Wilson interval of the pass rate
     * @param counts           cases per outcome
     * @param repeats          samples taken and flaky cases
     * @param retries          transport retries of the variant's calls, calls that finally failed included
     * @param usage            tokens and estimated cost of the variant's calls; absent when none reported usage
     * @param frozen           true when the variant was answered only from recordings (a frozen baseline); else absent
     * @param recorded         when a frozen variant's answers were recorded; absent when not frozen or not known
     * @param checkpoint       the tuning-job checkpoint the variant evaluates; absent for other variants
     */
    public record Variant(
            String name,
            String model,
            String role,
            double passRate,
            int passes,
            int total,
            Interval passRateInterval,
            Counts counts,
            Repeats repeats,
            long retries,
            @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean frozen,
            @JsonInclude(JsonInclude.Include.NON_NULL) Recorded recorded,
            @JsonInclude(JsonInclude.Include.NON_NULL) VariantCheckpoint checkpoint) {}

    /**
     * When the recordings a frozen variant was answered from were made ({@code recordedAt} of its recordings).
     *
     * @param earliest the oldest recording (ISO-8601 instant)
     * @param latest   the newest recording (ISO-8601 instant)
     */
    public record Recorded(String earliest, String latest) {}

    /**
     * Tokens spent by a variant's calls and their estimated cost.
     *
     * @param calls          calls that reported usage
     * @param promptTokens   prompt tokens
     * @param outputTokens   output tokens
     * @param thinkingTokens thinking tokens
     * @param judgeTokens    tokens of judge calls made for the variant (not in the counts above)
     * @param costUsd        estimated cost in US dollars from the price table, or null without a price
     */
    public record Usage(
            long calls,
            long promptTokens,
            long outputTokens,
            long thinkingTokens,
            long judgeTokens,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double costUsd) {}

    /**
     * Cases of a variant per outcome.
     *
     * @param passed  cases passed
     * @param failed  cases failed on their matchers
     * @param errors  cases no sample answered
     * @param skipped cases the variant did not run
     */
    public record Counts(int passed, int failed, int errors, int skipped) {}

    /**
     * Repeated sampling of a variant.
     *
     * @param samples    model calls made
     * @param flakyCases ids of cases with 0 &lt; passes &lt; samples
     */
    public record Repeats(int samples, List<String> flakyCases) {

        public Repeats {
            flakyCases = orEmpty(flakyCases);
        }
    }

    /**
     * The gate's decision on one candidate.
     *
     * @param candidate          candidate variant
     * @param baseline           baseline variant, or null
     * @param verdict            {@link Outcome#PASSED} or {@link Outcome#FAILED}
     * @param subset             true when filters left some of the suite's cases unjudged on the candidate
     * @param judgedCases        the cases the gate judged
     * @param suiteCases         the cases of the suite
     * @param reasons            one line per failed check
     * @param checks             every rule checked
     * @param passRate           candidate pass rate
     * @param passes             cases the candidate passed
     * @param total              cases the candidate ran
     * @param passRateInterval   Wilson interval of the pass rate
     * @param pairedTable        paired outcomes against the baseline, or null without one
     * @param mcnemarExactPValue two-sided exact McNemar p-value, or null without a baseline
     * @param difference         candidate minus baseline pass rate, or null without a baseline
     * @param regressions        cases the baseline passes and the candidate fails
     * @param improvements       cases the baseline fails and the candidate passes
     */
    public record Candidate(
            String candidate,
            String baseline,
            Outcome verdict,
            boolean subset,
            int judgedCases,
            int suiteCases,
            List<String> reasons,
            List<GateCheck> checks,
            double passRate,
            int passes,
            int total,
            Interval passRateInterval,
            @JsonInclude(JsonInclude.Include.NON_NULL) PairedTable pairedTable,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double mcnemarExactPValue,
            @JsonInclude(JsonInclude.Include.NON_NULL) Difference difference,
            List<String> regressions,
            List<String> improvements) {

        public Candidate {
            reasons = orEmpty(reasons);
            checks = orEmpty(checks);
            regressions = orEmpty(regressions);
            improvements = orEmpty(improvements);
        }
    }

    /**
     * Candidate minus baseline pass rate over the paired cases, with its interval.
     *
     * @param estimate   point estimate
     * @param lower      lower bound
     * @param upper      upper bound
     * @param confidence confidence level
     * @param method     how the interval was computed
     */
    public record Difference(double estimate, double lower, double upper, double confidence, String method) {}

    /**
     * One case with every variant's result.
     *
     * @param id       case id
     * @param tags     the case's tags
     * @param variants result per variant name, in the suite's variant order
     * @param index    the case's position in its suite (0-based), written by shards so that merged cases
     *                 keep the suite's order; absent otherwise
     */
    public record Case(
            String id,
            List<String> tags,
            Map<String, CaseVariant> variants,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer index) {

        public Case {
            tags = orEmpty(tags);
            variants = variants == null ? Map.of() : variants;
        }
    }

    /**
     * One case on one variant; everything but the status is null when the variant did not run it.
     *
     * @param status       the true outcome
     * @param passes       samples that passed
     * @param samples      samples taken
     * @param passFraction passes / samples
     * @param flaky        0 &lt; passes &lt; samples
     * @param passAtK      pass@k by k
     * @param passHatK     pass^k by k
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseVariant(
            Outcome status,
            Integer passes,
            Integer samples,
            Double passFraction,
            Boolean flaky,
            Map<String, Double> passAtK,
            Map<String, Double> passHatK,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean inconclusive) {}

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
