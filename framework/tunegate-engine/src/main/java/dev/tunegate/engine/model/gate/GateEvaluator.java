package dev.tunegate.engine.model.gate;

import dev.tunegate.engine.model.stats.PairedComparison;
import dev.tunegate.engine.model.stats.PairedTable;
import dev.tunegate.engine.model.stats.PassRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Applies a {@link GatePolicy} to the outcomes of one suite for one candidate.
 *
 * <p>The candidate's pass rate counts every case it ran; the comparison with the baseline (paired
 * table, McNemar test, difference interval, regressions and improvements) counts the cases both ran.
 * An infrastructure error counts as a failure. The verdict says how many of the suite's cases it judged,
 * so that a gate over a filtered run says that it judged a subset.
 */
@API(status = API.Status.INTERNAL)
public final class GateEvaluator {

    private GateEvaluator() {}

    /** Evaluates the policy for {@code candidate} against the roles' baseline; {@code cases} are all the suite's. */
    public static GateVerdict evaluate(
            String suite, GatePolicy policy, Roles roles, String candidate, List<CaseOutcome> cases) {
        return evaluate(suite, policy, roles, candidate, cases, cases.size());
    }

    /**
     * Evaluates the policy for {@code candidate} against the roles' baseline over the {@code cases} that
     * have results, of the suite's {@code suiteCases}.
     */
    public static GateVerdict evaluate(
            String suite, GatePolicy policy, Roles roles, String candidate, List<CaseOutcome> cases, int suiteCases) {
        if (roles.of(candidate) != Role.CANDIDATE) {
            throw new IllegalArgumentException("variant '" + candidate + "' is not a candidate");
        }
        String baseline = roles.baseline().orElse(null);
        List<String> excluded = new ArrayList<>();
        if (Boolean.TRUE.equals(policy.excludeInconclusive())) {
            List<CaseOutcome> kept = new ArrayList<>(cases.size());
            for (CaseOutcome c : cases) {
                VariantOutcome cand = c.byVariant().get(candidate);
                VariantOutcome base = baseline == null ? null : c.byVariant().get(baseline);
                if ((cand != null && cand.inconclusive()) || (cand != null && base != null && base.inconclusive())) {
                    excluded.add(c.id());
                } else {
                    kept.add(c);
                }
            }
            cases = kept;
        }
        List<String> candidateFailures = new ArrayList<>();
        List<String> regressions = new ArrayList<>();
        List<String> improvements = new ArrayList<>();
        List<String> mustPassFailures = new ArrayList<>();
        int ran = 0;
        int passed = 0;
        List<Boolean> pairedCandidate = new ArrayList<>();
        List<Boolean> pairedBaseline = new ArrayList<>();
        for (CaseOutcome c : cases) {
            VariantOutcome cand = c.byVariant().get(candidate);
            if (cand == null) {
                continue;
            }
            ran++;
            if (cand.passed()) {
                passed++;
            } else {
                candidateFailures.add(c.id());
                if (!policy.strict() && c.tags().stream().anyMatch(policy.mustPass()::contains)) {
                    mustPassFailures.add(c.id());
                }
            }
            VariantOutcome base = baseline == null ? null : c.byVariant().get(baseline);
            if (base != null) {
                pairedCandidate.add(cand.passed());
                pairedBaseline.add(base.passed());
                if (base.passed() && !cand.passed()) {
                    regressions.add(c.id());
                } else if (!base.passed() && cand.passed()) {
                    improvements.add(c.id());
                }
            }
        }
        double confidence = policy.confidence();
        PassRate candidateRate = PassRate.of(passed, ran, confidence);
        PairedComparison comparison = null;
        PassRate baselineRate = null;
        if (baseline != null) {
            PairedTable table = PairedTable.of(toArray(pairedCandidate), toArray(pairedBaseline));
            comparison = PairedComparison.of(table, confidence);
            baselineRate = PassRate.of(table.baselinePasses(), table.total(), confidence);
        }

        List<GateCheck> checks = new ArrayList<>();
        if (Boolean.TRUE.equals(policy.excludeInconclusive())) {
            checks.add(new GateCheck(
                    "inconclusive",
                    "excluded (gate.inconclusive: exclude)",
                    failures(excluded) + " case(s) left out of the pass rate and the gate",
                    true));
        }
        if (ran == 0) {
            checks.add(new GateCheck("cases", ">= 1 case run", "0 cases run", false));
        }
        if (policy.strict()) {
            checks.add(new GateCheck(
                    "allPass",
                    "every case passes (strict mode, no gate block)",
                    failures(candidateFailures),
                    candidateFailures.isEmpty()));
        }
        if (policy.minPassRate() != null) {
            checks.add(new GateCheck(
                    "minPassRate",
                    ">= " + fmt(policy.minPassRate()),
                    rate(candidateRate),
                    candidateRate.rate() >= policy.minPassRate() - 1e-12));
        }
        if (!policy.mustPass().isEmpty()) {
            checks.add(new GateCheck(
                    "mustPass",
                    "every case tagged " + policy.mustPass() + " passes",
                    failures(mustPassFailures),
                    mustPassFailures.isEmpty()));
        }
        boolean needsBaseline =
                policy.maxRegressions() != null || policy.minImprovement() != null || policy.nonInferiority() != null;
        if (needsBaseline && comparison == null) {
            checks.add(new GateCheck("baseline", "a baseline variant to compare with", "none", false));
        } else if (needsBaseline && ran > 0 && comparison.table().total() == 0) {
            // the baseline was filtered out (tunegate.variants, a tag filter): comparing with nothing proves nothing
            checks.add(new GateCheck(
                    "baseline",
                    "baseline '" + baseline + "' runs the judged cases",
                    "it ran none of the " + ran + " cases the candidate ran",
                    false));
        } else if (needsBaseline) {
            addComparisonChecks(policy, cases, regressions, comparison, checks);
        }
        boolean ok = checks.stream().allMatch(GateCheck::passed);
        return new GateVerdict(
                suite,
                candidate,
                baseline,
                ok,
                checks,
                candidateRate,
                baselineRate,
                comparison,
                regressions,
                improvements,
                candidateFailures,
                ran + excluded.size(),
                Math.max(suiteCases, ran + excluded.size()));
    }

    private static void addComparisonChecks(
            GatePolicy policy,
            List<CaseOutcome> cases,
            List<String> regressions,
            PairedComparison comparison,
            List<GateCheck> checks) {
        GatePolicy.RegressionLimit limit = policy.maxRegressions();
        if (limit != null && limit.total() != null) {
            checks.add(new GateCheck(
                    "maxRegressions",
                    "<= " + limit.total(),
                    failures(regressions),
                    regressions.size() <= limit.total()));
        }
        if (limit != null) {
            for (Map.Entry<String, Integer> e : limit.byTag().entrySet()) {
                List<String> tagged = regressions.stream()
                        .filter(id -> cases.stream()
                                .anyMatch(c -> c.id().equals(id) && c.tags().contains(e.getKey())))
                        .toList();
                checks.add(new GateCheck(
                        "maxRegressions[" + e.getKey() + "]",
                        "<= " + e.getValue(),
                        failures(tagged),
                        tagged.size() <= e.getValue()));
            }
        }
        double difference = comparison.table().difference();
        if (policy.minImprovement() != null) {
            checks.add(new GateCheck(
                    "minImprovement",
                    "candidate - baseline >= " + signed(policy.minImprovement()),
                    signed(difference),
                    difference >= policy.minImprovement() - 1e-12));
        }
        if (policy.nonInferiority() != null) {
            GatePolicy.NonInferiority ni = policy.nonInferiority();
            var interval =
                    dev.tunegate.engine.model.stats.PairedDifferenceInterval.of(comparison.table(), ni.confidence());
            checks.add(new GateCheck(
                    "nonInferiority",
                    "lower " + pct(ni.confidence()) + " bound > " + signed(-ni.margin()),
                    signed(difference) + " [" + signed(interval.lower()) + ", " + signed(interval.upper()) + "]",
                    interval.lower() > -ni.margin()));
        }
    }

    private static boolean[] toArray(List<Boolean> values) {
        boolean[] array = new boolean[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    private static String failures(List<String> ids) {
        if (ids.isEmpty()) {
            return "0";
        }
        int shown = Math.min(ids.size(), 10);
        String list = String.join(", ", ids.subList(0, shown)) + (ids.size() > shown ? ", ..." : "");
        return ids.size() + " (" + list + ")";
    }

    static String rate(PassRate rate) {
        return fmt(rate.rate()) + " (" + rate.passes() + "/" + rate.total() + ", "
                + pct(rate.interval().confidence()) + " CI "
                + fmt(rate.interval().lower()) + "-" + fmt(rate.interval().upper()) + ")";
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String signed(double value) {
        return String.format(Locale.ROOT, "%+.3f", value);
    }

    static String pct(double confidence) {
        return String.format(Locale.ROOT, "%.0f%%", confidence * 100);
    }
}
