package dev.tunegate.engine.results.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.graded.GradeStatus;
import dev.tunegate.engine.matchers.graded.GradedOutcome;
import dev.tunegate.engine.matchers.graded.Grading;
import dev.tunegate.engine.matchers.graded.NestedGrading;
import dev.tunegate.engine.model.gate.GateCheck;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.stats.PassRate;
import dev.tunegate.engine.results.summary.SummaryDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model-graded checks of one suite as the run goes: per variant and check, how many samples got
 * each status; the pairwise wins, ties and losses; the tokens the grading calls used (apart from the
 * variant's own); and every verdict with its reasoning for the detailed cases (memory stays bounded).
 */
final class GradedTally {
    private final Map<String, Map<String, Check>> checks = new LinkedHashMap<>();
    private final Map<String, Long> tokens = new LinkedHashMap<>();
    private final Map<String, Map<String, int[]>> pairwise = new LinkedHashMap<>();
    private final List<SummaryDocument.GradedVerdict> verdicts = new ArrayList<>();
    private final Secrets secrets;

    GradedTally(Secrets secrets) {
        this.secrets = secrets;
    }

    /**
     * The tally of shards merged into one run: their model-graded summaries added up (counts, tokens, pairwise
     * wins/ties/losses) and their verdicts listed in case order ({@code caseOrder}: case id to its index).
     */
    static GradedTally merged(List<SummaryDocument.ModelGraded> parts, Map<String, Integer> caseOrder) {
        GradedTally tally = new GradedTally(null);
        for (SummaryDocument.ModelGraded part : parts) {
            if (part == null) {
                continue;
            }
            for (SummaryDocument.GradedVariant v : part.variants()) {
                tally.tokens.merge(v.variant(), v.judgeTokens(), Long::sum);
                for (SummaryDocument.GradedCheck c : v.checks()) {
                    Check check = tally.checks
                            .computeIfAbsent(v.variant(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(
                                    c.matcher() + "\n" + c.description(),
                                    d -> new Check(c.matcher(), c.description(), c.advisory()));
                    c.counts().forEach((status, n) -> check.counts.merge(status, n, Integer::sum));
                }
                for (SummaryDocument.Pairwise p : v.pairwise()) {
                    int[] wtl = tally.pairwise
                            .computeIfAbsent(v.variant(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(p.against(), a -> new int[3]);
                    wtl[0] += p.wins();
                    wtl[1] += p.ties();
                    wtl[2] += p.losses();
                }
            }
            tally.verdicts.addAll(part.verdicts());
        }
        tally.verdicts.sort(
                java.util.Comparator.comparingInt(v -> caseOrder.getOrDefault(v.caseId(), Integer.MAX_VALUE)));
        return tally;
    }

    /** Tokens the grading calls made for {@code variant} used (0 without model-graded checks). */
    long tokens(String variant) {
        return tokens.getOrDefault(variant, 0L);
    }

    /**
     * One sample's graded outcome of matcher {@code matcher} (the case's {@code index}-th). A {@code
     * not}/{@code all}/{@code any} with model-graded matchers inside counts each of them under its path
     * ({@code all/0/judge}), not itself.
     */
    void add(String caseId, String variant, int sample, Matcher matcher, GradedOutcome outcome, boolean detailed) {
        tokens.merge(variant, outcome.grading().judgeTokens(), Long::sum);
        if (outcome.nested().isEmpty()) {
            add(
                    caseId,
                    variant,
                    sample,
                    matcher,
                    outcome.grading().kind(),
                    matcher.description(),
                    outcome.grading(),
                    detailed);
        }
        for (NestedGrading n : outcome.nested()) {
            add(caseId, variant, sample, matcher, n.path(), n.description(), n.grading(), detailed);
        }
    }

    private void add(
            String caseId,
            String variant,
            int sample,
            Matcher matcher,
            String name,
            String description,
            Grading g,
            boolean detailed) {
        Check check = checks.computeIfAbsent(variant, v -> new LinkedHashMap<>())
                .computeIfAbsent(name + "\n" + description, d -> new Check(name, description, g.advisory()));
        check.counts.merge(g.status().name(), 1, Integer::sum);
        if (g.kind().equals("pairwise") && g.status() != GradeStatus.NOT_COMPARED && g.status() != GradeStatus.ERROR) {
            String against = matcher instanceof dev.tunegate.engine.matchers.graded.ModelGradedMatcher m
                    ? m.comparedVariant().orElse("?")
                    : "?";
            int[] wtl = pairwise.computeIfAbsent(variant, v -> new LinkedHashMap<>())
                    .computeIfAbsent(against, a -> new int[3]);
            wtl[g.status() == GradeStatus.WIN ? 0 : g.status() == GradeStatus.TIE ? 1 : 2]++;
        }
        if (detailed) {
            verdicts.add(new SummaryDocument.GradedVerdict(
                    caseId,
                    variant,
                    sample,
                    name,
                    g.status().name(),
                    g.score(),
                    secrets.redact(g.reasoning()
                            + (g.raw().isEmpty() ? "" : " Raw judge output: " + String.join(" | ", g.raw()))),
                    g.compared() == null ? null : secrets.redact(g.compared()),
                    g.advisory()));
        }
    }

    /**
     * The verdict with the win-rate gate rules of the suite's {@code gate:} block added, when it has them:
     * {@code minWinRate} (the candidate's pairwise win rate against the baseline, point estimate, must reach
     * it) and {@code winRateNonInferiority} (the lower bound of the win rate's Wilson interval at its {@code
     * confidence} must reach {@code 0.5 - margin}).
     */
    GateVerdict withWinRateRules(GateVerdict verdict, Optional<JsonNode> gate) {
        List<GateCheck> added = new ArrayList<>();
        JsonNode min = gate.map(g -> g.get("minWinRate")).orElse(null);
        if (min != null && min.isNumber()) {
            added.add(winRateCheck(
                    verdict,
                    "minWinRate",
                    ">= " + fixed(min.asDouble()),
                    DEFAULT_CONFIDENCE,
                    p -> p.winRate() >= min.asDouble() - 1e-12));
        }
        JsonNode ni = gate.map(g -> g.get("winRateNonInferiority")).orElse(null);
        if (ni != null && ni.isObject() && ni.path("margin").isNumber()) {
            double margin = ni.get("margin").asDouble();
            double confidence = ni.path("confidence").isNumber()
                    ? ni.get("confidence").asDouble()
                    : gate.get().path("confidence").isNumber()
                            ? gate.get().get("confidence").asDouble()
                            : DEFAULT_CONFIDENCE;
            added.add(winRateCheck(
                    verdict,
                    "winRateNonInferiority",
                    nonInferiorityRequirement(margin, confidence),
                    confidence,
                    p -> p.winRateInterval().lower() >= 0.5 - margin - 1e-12));
        }
        if (added.isEmpty()) {
            return verdict;
        }
        List<GateCheck> checks = new ArrayList<>(verdict.checks());
        checks.addAll(added);
        return new GateVerdict(
                verdict.suite(),
                verdict.candidate(),
                verdict.baseline(),
                verdict.passed() && added.stream().allMatch(GateCheck::passed),
                checks,
                verdict.candidateRate(),
                verdict.baselineRate(),
                verdict.comparison(),
                verdict.regressions(),
                verdict.improvements(),
                verdict.candidateFailures(),
                verdict.judgedCases(),
                verdict.suiteCases());
    }

    private static final double DEFAULT_CONFIDENCE = 0.95;

    /**
     * What {@code winRateNonInferiority} requires, as its gate check says it ({@code lower 95% bound >= 0.5 -
     * 0.1}); {@link ShardMerge} reads the rule back from it.
     */
    static String nonInferiorityRequirement(double margin, double confidence) {
        return "lower " + plain(confidence * 100) + "% bound >= 0.5 - " + plain(margin);
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value)
                .round(new java.math.MathContext(10))
                .stripTrailingZeros()
                .toPlainString();
    }

    private GateCheck winRateCheck(
            GateVerdict verdict,
            String name,
            String required,
            double confidence,
            java.util.function.Predicate<SummaryDocument.Pairwise> holds) {
        int[] wtl = verdict.baseline() == null
                ? null
                : pairwise.getOrDefault(verdict.candidate(), Map.of()).get(verdict.baseline());
        if (wtl == null || wtl[0] + wtl[1] + wtl[2] == 0) {
            return new GateCheck(
                    name,
                    required,
                    "no pairwise comparison of " + verdict.candidate() + " with "
                            + (verdict.baseline() == null ? "a baseline" : verdict.baseline()),
                    false);
        }
        SummaryDocument.Pairwise p = pairwise(verdict.baseline(), wtl, confidence);
        return new GateCheck(
                name,
                required,
                fixed(p.winRate()) + " (" + p.wins() + " wins, " + p.ties() + " ties, " + p.losses() + " losses, "
                        + plain(confidence * 100) + "% CI "
                        + fixed(p.winRateInterval().lower()) + "-"
                        + fixed(p.winRateInterval().upper()) + ")",
                holds.test(p));
    }

    private static String fixed(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }

    /** The suite's summary of its model-graded checks, or null when it has none. */
    SummaryDocument.ModelGraded summary() {
        if (checks.isEmpty()) {
            return null;
        }
        List<SummaryDocument.GradedVariant> variants = new ArrayList<>();
        checks.forEach((variant, byCheck) -> {
            List<SummaryDocument.GradedCheck> list = new ArrayList<>();
            byCheck.forEach((key, c) ->
                    list.add(new SummaryDocument.GradedCheck(c.kind, c.description, Map.copyOf(c.counts), c.advisory)));
            List<SummaryDocument.Pairwise> pairs = new ArrayList<>();
            pairwise.getOrDefault(variant, Map.of())
                    .forEach((against, wtl) -> pairs.add(pairwise(against, wtl, DEFAULT_CONFIDENCE)));
            variants.add(new SummaryDocument.GradedVariant(variant, tokens.getOrDefault(variant, 0L), list, pairs));
        });
        return new SummaryDocument.ModelGraded(variants, List.copyOf(verdicts));
    }

    private static SummaryDocument.Pairwise pairwise(String against, int[] wtl, double confidence) {
        int n = wtl[0] + wtl[1] + wtl[2];
        double rate = n == 0 ? 0 : (wtl[0] + wtl[1] / 2.0) / n;
        return new SummaryDocument.Pairwise(
                against,
                wtl[0],
                wtl[1],
                wtl[2],
                rate,
                PassRate.of(2 * wtl[0] + wtl[1], 2 * n, confidence).interval());
    }

    private static final class Check {
        final String kind;
        final String description;
        final String advisory;
        final Map<String, Integer> counts = new LinkedHashMap<>();

        Check(String kind, String description, String advisory) {
            this.kind = kind;
            this.description = description;
            this.advisory = advisory;
        }
    }
}
