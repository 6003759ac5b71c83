package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.CheckpointSweep;
import dev.tunegate.engine.model.gate.GatePolicy;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.results.summary.SummaryDocument;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Everything one suite produced: its variants, every case and the gate verdict per candidate.
 *
 * @param name        suite name
 * @param location    suite file ({@code classpath:/…} or {@code file:/…})
 * @param contentHash SHA-256 (hex) of the suite file
 * @param gated       true with a gate block, false in strict mode
 * @param variants    variants in declaration order
 * @param cases       cases in file order (a {@link CaseList} is kept as it is: it builds each case when read)
 * @param verdicts    one verdict per candidate
 * @param policy      the gate policy the verdicts applied (written to sharded summaries), or null
 * @param usage       tokens and cost per variant name (variants that reported no usage are absent)
 * @param modelGraded the model-graded checks' verdicts, or null when the suite has none
 * @param sweeps      the checkpoint sweeps (candidates that are tuning-job checkpoints), empty when there are none
 */
@API(status = API.Status.INTERNAL)
public record SuiteResult(
        String name,
        String location,
        String contentHash,
        boolean gated,
        List<VariantInfo> variants,
        List<CaseResult> cases,
        List<GateVerdict> verdicts,
        GatePolicy policy,
        Map<String, VariantUsage> usage,
        SummaryDocument.ModelGraded modelGraded,
        List<CheckpointSweep> sweeps) {

    public SuiteResult {
        sweeps = List.copyOf(sweeps);
        usage = Map.copyOf(usage);
        variants = List.copyOf(variants);
        cases = cases instanceof CaseList ? cases : List.copyOf(cases);
        verdicts = List.copyOf(verdicts);
    }

    /** A suite result without checkpoint sweeps. */
    public SuiteResult(
            String name,
            String location,
            String contentHash,
            boolean gated,
            List<VariantInfo> variants,
            List<CaseResult> cases,
            List<GateVerdict> verdicts,
            GatePolicy policy,
            Map<String, VariantUsage> usage,
            SummaryDocument.ModelGraded modelGraded) {
        this(name, location, contentHash, gated, variants, cases, verdicts, policy, usage, modelGraded, List.of());
    }

    /** A suite result without its policy, usage or model-graded checks. */
    public SuiteResult(
            String name,
            String location,
            String contentHash,
            boolean gated,
            List<VariantInfo> variants,
            List<CaseResult> cases,
            List<GateVerdict> verdicts) {
        this(name, location, contentHash, gated, variants, cases, verdicts, null, Map.of(), null, List.of());
    }
}
