package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.CaseOutcome;
import dev.tunegate.engine.model.gate.GateEvaluator;
import dev.tunegate.engine.model.gate.GatePolicy;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.gate.Role;
import dev.tunegate.engine.model.gate.RoleAssignment;
import dev.tunegate.engine.model.gate.Roles;
import dev.tunegate.engine.model.gate.VariantDeclaration;
import dev.tunegate.engine.model.stats.TokenUsage;
import dev.tunegate.engine.run.replay.RecordedSpan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run where the candidate improves most cases but regresses the one mustPass (critical) case. */
public final class ReportFixtures {

    static final String HOSTILE_ANSWER = "<script>alert('x')</script> & \"quotes\"";

    private ReportFixtures() {}

    public static RunResult improvesMostButRegressesCritical() {
        List<VariantInfo> variants = List.of(
                // a frozen baseline: answered from recordings made over a day
                new VariantInfo(
                        "base",
                        "models/gemini-1.5-flash-001",
                        Role.BASELINE,
                        0.0,
                        true,
                        new RecordedSpan(Instant.parse("2026-11-01T08:00:00Z"), Instant.parse("2026-11-02T09:30:00Z"))),
                new VariantInfo("tuned", "tunedModels/support-intents-v2", Role.CANDIDATE, 0.0),
                new VariantInfo("ref", "models/gemini-2.0-flash", Role.REFERENCE, 0.0));
        List<CaseResult> cases = new ArrayList<>();
        cases.add(caseOf("refund-request", 5, List.of("critical"), true, false, true));
        for (int i = 0; i < 4; i++) {
            cases.add(caseOf("improved-" + i, 10 + i, List.of("billing"), false, true, true));
        }
        for (int i = 0; i < 5; i++) {
            cases.add(caseOf("same-" + i, 20 + i, List.of(), true, true, i % 2 == 0));
        }
        // Repeats: a flaky case on the candidate, 2 of 3 samples pass with passThreshold 0.6.
        Map<String, VariantResult> flaky = new LinkedHashMap<>();
        flaky.put(
                "base",
                new VariantResult("base", List.of(sample(true, 40), sample(true, 41), sample(true, 42)), 0.6, null));
        flaky.put(
                "tuned",
                new VariantResult("tuned", List.of(sample(true, 30), sample(false, 31), sample(true, 32)), 0.6, null));
        flaky.put("ref", new VariantResult("ref", List.of(), 0.6, "variant filter tunegate.variants=base,tuned"));
        cases.add(new CaseResult("flaky-one", 30, List.of("billing"), "Ticket: sometimes", flaky));

        GatePolicy policy = new GatePolicy(
                List.of("tuned"),
                "base",
                0.8,
                List.of("critical"),
                new GatePolicy.RegressionLimit(0, Map.of("critical", 0)),
                null,
                new GatePolicy.NonInferiority(0.1, 0.95),
                0.95,
                false);
        List<VariantDeclaration> declarations = variants.stream()
                .map(v -> new VariantDeclaration(v.name(), null))
                .toList();
        Roles roles = RoleAssignment.assign(declarations, policy);
        List<CaseOutcome> outcomes = cases.stream().map(CaseResult::outcome).toList();
        GateVerdict verdict = GateEvaluator.evaluate("support-intents", policy, roles, "tuned", outcomes);
        Map<String, VariantUsage> usage = new LinkedHashMap<>();
        usage.put("base", new VariantUsage(new TokenUsage(12, 1200, 340, 0), TokenUsage.NONE, 0.000192));
        usage.put(
                "tuned",
                new VariantUsage(new TokenUsage(12, 1200, 310, 2048), new TokenUsage(0, 5400, 0, 0), 0.006018));
        usage.put("ref", new VariantUsage(new TokenUsage(11, 1100, 290, 0), TokenUsage.NONE, 0.000226));
        SuiteResult suite = new SuiteResult(
                "support-intents",
                "classpath:/suites/support-intents.eval.yaml",
                "a".repeat(64),
                true,
                variants,
                cases,
                List.of(verdict),
                null,
                usage,
                null);
        return new RunResult(
                "run-1",
                Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T06:01:00Z"),
                "0123456789abcdef0123456789abcdef01234567",
                List.of(suite));
    }

    /**
     * Two suites: the one above, and a strict-mode suite with one variant (no baseline) whose cases
     * pass, fail, fail with an infrastructure error, are skipped and repeat; no commit is known.
     */
    public static RunResult twoSuitesOneStrictWithoutCommit() {
        RunResult gated = improvesMostButRegressesCritical();
        List<VariantInfo> variants = List.of(new VariantInfo("only", "models/gemini-2.0-flash", Role.CANDIDATE, null));
        List<CaseResult> cases = new ArrayList<>();
        cases.add(new CaseResult(
                "passes",
                3,
                List.of("smoke"),
                null,
                Map.of("only", new VariantResult("only", List.of(sample(true, 7)), 1.0, null))));
        cases.add(new CaseResult(
                "fails",
                0,
                List.of("smoke", "edge|case"),
                "Ticket: `fails` | pipes",
                Map.of("only", new VariantResult("only", List.of(sample(false, 9)), 1.0, null))));
        SampleResult error = new SampleResult(
                null,
                null,
                List.of(),
                30_000,
                null,
                null,
                null,
                2,
                "HTTP 503 UNAVAILABLE: the model is overloaded",
                null,
                null);
        cases.add(new CaseResult(
                "errors", 12, List.of(), null, Map.of("only", new VariantResult("only", List.of(error), 1.0, null))));
        cases.add(new CaseResult(
                "skipped",
                15,
                List.of(),
                null,
                Map.of(
                        "only",
                        new VariantResult(
                                "only", List.of(), 1.0, "tunegate.filter.name=x does not match case 'skipped'"))));
        List<SampleResult> twelve = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add(sample(i % 4 != 0, 20 + i));
        }
        cases.add(new CaseResult(
                "repeated", 18, List.of("smoke"), null, Map.of("only", new VariantResult("only", twelve, 0.5, null))));
        GatePolicy policy = GatePolicy.strictMode();
        Roles roles = RoleAssignment.assign(List.of(new VariantDeclaration("only", null)), policy);
        GateVerdict verdict = GateEvaluator.evaluate(
                "strict-one",
                policy,
                roles,
                "only",
                cases.stream().map(CaseResult::outcome).toList());
        SuiteResult strict = new SuiteResult(
                "strict-one",
                "file:/work/suites/strict-one.eval.yaml",
                "b".repeat(64),
                false,
                variants,
                cases,
                List.of(verdict));
        return new RunResult(
                "run-2",
                gated.startedAt(),
                gated.finishedAt(),
                null,
                List.of(gated.suites().get(0), strict));
    }

    /**
     * One gate that passes exactly at its limits: the candidate passes 2 of 4 cases (minPassRate 0.5)
     * with 2 regressions (maxRegressions 2); the baseline passes 3 of 4. Long variant names and
     * latencies of several seconds stress the chart labels.
     */
    public static RunResult passingGateAtItsLimits() {
        String base = "base";
        String tuned = "tuned";
        List<VariantInfo> variants = List.of(
                new VariantInfo(base, "models/gemini-1.5-flash-001", Role.BASELINE, 0.0),
                new VariantInfo(tuned, "tunedModels/support-triage-v2", Role.CANDIDATE, 0.0));
        boolean[][] passes = {{true, false}, {true, false}, {true, true}, {false, true}};
        String[] ids = {"a", "b", "c", "d"};
        List<CaseResult> cases = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            Map<String, VariantResult> byVariant = new LinkedHashMap<>();
            byVariant.put(base, new VariantResult(base, List.of(sample(passes[i][0], 187 + 1000L * i)), 1.0, null));
            byVariant.put(tuned, new VariantResult(tuned, List.of(sample(passes[i][1], 98 + 1000L * i)), 1.0, null));
            cases.add(new CaseResult(ids[i], 3 + i, List.of("general"), "Q: " + ids[i], byVariant));
        }
        GatePolicy policy = new GatePolicy(
                List.of(tuned),
                base,
                0.5,
                List.of(),
                new GatePolicy.RegressionLimit(2, Map.of()),
                null,
                null,
                0.95,
                false);
        Roles roles = RoleAssignment.assign(
                List.of(new VariantDeclaration(base, null), new VariantDeclaration(tuned, null)), policy);
        GateVerdict verdict = GateEvaluator.evaluate(
                "general-knowledge",
                policy,
                roles,
                tuned,
                cases.stream().map(CaseResult::outcome).toList());
        SuiteResult suite = new SuiteResult(
                "general-knowledge",
                "classpath:/suites/general-knowledge.eval.yaml",
                "e".repeat(64),
                true,
                variants,
                cases,
                List.of(verdict));
        return new RunResult(
                "run-3",
                Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T06:01:00Z"),
                null,
                List.of(suite));
    }

    /**
     * A sweep of the five checkpoints of one tuning job against a baseline that passes 14 of 20 cases, under a gate
     * with {@code minPassRate: 0.7}, {@code maxRegressions: 2} and a non-inferiority margin of 0.25. The checkpoints
     * are declared out of epoch order: epoch 1 passes 12 (too few); epoch 2 passes 17, non-inferior to the best;
     * epochs 3 and 4 tie for the best with 18; epoch 5, the job's default, over-fits: 10 passes with 4 regressions.
     * The recommendation is epoch 2: neither the best nor the last.
     */
    public static RunResult checkpointSweep() {
        return checkpointSweep(null, 0.7);
    }

    /**
     * {@link #checkpointSweep()} with the gate's {@code minPassRate} (above 0.9 no checkpoint passes), as shard
     * {@code shard} would report it (only its own cases, each with its index), or unsharded when it is null.
     */
    public static RunResult checkpointSweep(dev.tunegate.engine.config.Shard shard, double minPassRate) {
        String job = "projects/p/locations/us-central1/tuningJobs/42";
        int[][] epochs = {{5, 4, 14}, {1, 0, 12}, {3, 0, 18}, {2, 0, 17}, {4, 0, 18}}; // epoch, first, end (exclusive)
        List<VariantInfo> variants = new ArrayList<>();
        variants.add(new VariantInfo("base", "publishers/google/models/gemini-2.0-flash-001", Role.BASELINE, 0.0));
        for (int[] e : epochs) {
            var point = new dev.tunegate.engine.model.suite.VariantCheckpoint(
                    "cand",
                    job,
                    String.valueOf(e[0]),
                    e[0],
                    10L * e[0],
                    "projects/p/locations/us-central1/endpoints/" + (900 + e[0]),
                    e[0] == 5);
            variants.add(new VariantInfo(point.variantName(), point.endpoint(), Role.CANDIDATE, 0.0, false, point));
        }
        List<CaseResult> cases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, VariantResult> byVariant = new LinkedHashMap<>();
            byVariant.put("base", new VariantResult("base", List.of(sample(i < 14, 100 + i)), 1.0, null));
            for (int[] e : epochs) {
                String name = "cand@" + e[0];
                byVariant.put(name, new VariantResult(name, List.of(sample(i >= e[1] && i < e[2], 50 + i)), 1.0, null));
            }
            if (shard == null || shard.contains("classpath:/suites/checkpoint-sweep.eval.yaml", "q-" + i)) {
                cases.add(new CaseResult(
                        "q-" + i,
                        4 + 3 * i,
                        List.of(i < 10 ? "support" : "general"),
                        "Q" + i,
                        byVariant,
                        shard == null ? -1 : i));
            }
        }
        GatePolicy policy = new GatePolicy(
                List.of(),
                "base",
                minPassRate,
                List.of(),
                new GatePolicy.RegressionLimit(2, Map.of()),
                null,
                new GatePolicy.NonInferiority(0.25, 0.95),
                0.95,
                false);
        Roles roles = RoleAssignment.assign(
                variants.stream()
                        .map(v -> new VariantDeclaration(v.name(), null))
                        .toList(),
                policy);
        List<CaseOutcome> outcomes = cases.stream().map(CaseResult::outcome).toList();
        List<GateVerdict> verdicts = roles.candidates().stream()
                .map(c -> GateEvaluator.evaluate("checkpoint-sweep", policy, roles, c, outcomes, 20))
                .toList();
        SuiteResult suite = new SuiteResult(
                "checkpoint-sweep",
                "classpath:/suites/checkpoint-sweep.eval.yaml",
                "c".repeat(64),
                true,
                variants,
                cases,
                verdicts,
                policy,
                Map.of(),
                null,
                dev.tunegate.engine.model.gate.CheckpointRecommender.sweeps(
                        policy, VariantInfo.checkpoints(variants), verdicts, outcomes));
        return new RunResult(
                "run-4",
                Instant.parse("2026-12-03T06:00:00Z"),
                Instant.parse("2026-12-03T06:01:00Z"),
                null,
                List.of(suite),
                shard,
                null);
    }

    private static CaseResult caseOf(String id, int line, List<String> tags, boolean base, boolean tuned, boolean ref) {
        Map<String, VariantResult> byVariant = new LinkedHashMap<>();
        byVariant.put("base", new VariantResult("base", List.of(sample(base, 100 + line)), 1.0, null));
        byVariant.put("tuned", new VariantResult("tuned", List.of(sample(tuned, 50 + line)), 1.0, null));
        byVariant.put("ref", new VariantResult("ref", List.of(sample(ref, 200 + line)), 1.0, null));
        return new CaseResult(id, line, tags, "Ticket: " + id, byVariant);
    }

    static SampleResult sample(boolean passed, long latency) {
        String answer = passed ? "{\"intent\":\"refund\"}" : HOSTILE_ANSWER;
        MatcherResult equals = new MatcherResult(
                "equals",
                "equals '{\"intent\":\"refund\"}'",
                passed,
                passed ? null : "expected: {\"intent\":\"refund\"} but was: " + HOSTILE_ANSWER,
                9);
        return new SampleResult(
                answer,
                "STOP",
                List.of(equals),
                latency,
                12,
                6,
                18,
                passed ? 0 : 1,
                null,
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Ticket\"}]}]}",
                "{\"candidates\":[{\"finishReason\":\"STOP\"}]}");
    }
}
