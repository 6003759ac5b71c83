package dev.tunegate.engine.model.gate;

import dev.tunegate.engine.model.stats.PairedComparison;
import dev.tunegate.engine.model.stats.PairedTable;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Groups the gate verdicts of checkpoint variants into one {@link CheckpointSweep} per tuning job and picks the
 * checkpoint to promote: the earliest (by epoch) that passes the gate and is non-inferior to the best-scoring
 * checkpoint, paired over the cases both ran, with the gate's {@code nonInferiority} margin and confidence (margin 0
 * at the gate's confidence when the gate has none). Earlier is better because later checkpoints cost more epochs and
 * may over-fit; the non-inferiority test keeps a checkpoint only when the data do not show it to be worse than the
 * best by more than the margin.
 */
@API(status = API.Status.INTERNAL)
public final class CheckpointRecommender {

    private static final Comparator<CheckpointPoint> EPOCH_ORDER = Comparator.comparingInt(
                    (CheckpointPoint p) -> p.checkpoint().epoch())
            .thenComparingLong(p -> p.checkpoint().step())
            .thenComparing(p -> p.checkpoint().checkpointId(), CheckpointRecommender::compareIds);

    private CheckpointRecommender() {}

    /**
     * The sweeps of a suite: {@code checkpoints} maps variant names to the checkpoint they evaluate (variants without
     * one are absent), {@code verdicts} are the gate's verdicts on the candidates, {@code cases} every case's
     * outcomes. Checkpoint variants that are not candidates are left out; empty when no candidate is a checkpoint.
     */
    public static List<CheckpointSweep> sweeps(
            GatePolicy policy,
            Map<String, VariantCheckpoint> checkpoints,
            List<GateVerdict> verdicts,
            List<CaseOutcome> cases) {
        Map<List<String>, List<GateVerdict>> byJob = new LinkedHashMap<>();
        for (GateVerdict v : verdicts) {
            VariantCheckpoint point = checkpoints.get(v.candidate());
            if (point != null) {
                byJob.computeIfAbsent(List.of(point.variant(), point.tuningJob()), k -> new ArrayList<>())
                        .add(v);
            }
        }
        double margin =
                policy.nonInferiority() == null ? 0 : policy.nonInferiority().margin();
        double confidence = policy.nonInferiority() == null
                ? policy.confidence()
                : policy.nonInferiority().confidence();
        List<CheckpointSweep> sweeps = new ArrayList<>();
        byJob.forEach((key, group) ->
                sweeps.add(sweep(key.get(0), key.get(1), group, checkpoints, cases, margin, confidence)));
        return List.copyOf(sweeps);
    }

    private static CheckpointSweep sweep(
            String variant,
            String tuningJob,
            List<GateVerdict> verdicts,
            Map<String, VariantCheckpoint> checkpoints,
            List<CaseOutcome> cases,
            double margin,
            double confidence) {
        List<CheckpointPoint> ordered = verdicts.stream()
                .map(v -> new CheckpointPoint(checkpoints.get(v.candidate()), v, null, true))
                .sorted(EPOCH_ORDER)
                .toList();
        CheckpointPoint top = ordered.get(0);
        for (CheckpointPoint p : ordered) {
            if (p.verdict().candidateRate().rate()
                    > top.verdict().candidateRate().rate() + 1e-12) {
                top = p;
            }
        }
        CheckpointPoint best = top;
        List<CheckpointPoint> points = new ArrayList<>();
        for (CheckpointPoint p : ordered) {
            if (p == best) {
                points.add(p);
            } else {
                PairedComparison vsBest = PairedComparison.of(paired(cases, p.variant(), best.variant()), confidence);
                points.add(new CheckpointPoint(
                        p.checkpoint(), p.verdict(), vsBest, vsBest.difference().lower() > -margin));
            }
        }
        String baseline = best.verdict().baseline();
        Optional<CheckpointPoint> recommended = points.stream()
                .filter(p -> p.verdict().passed() && p.nonInferior())
                .findFirst();
        String reason = recommended
                .map(p -> why(p, points, best, baseline, margin))
                .orElseGet(() -> whyNone(variant, points, best, baseline, margin));
        return new CheckpointSweep(
                variant, tuningJob, baseline, margin, confidence, points, best.variant(), recommended, reason);
    }

    /** Paired outcomes of {@code candidate} (as the candidate) and {@code best} (as the baseline) over the cases both ran. */
    private static PairedTable paired(List<CaseOutcome> cases, String candidate, String best) {
        List<boolean[]> pairs = new ArrayList<>();
        for (CaseOutcome c : cases) {
            VariantOutcome a = c.byVariant().get(candidate);
            VariantOutcome b = c.byVariant().get(best);
            if (a != null && b != null) {
                pairs.add(new boolean[] {a.passed(), b.passed()});
            }
        }
        boolean[] cand = new boolean[pairs.size()];
        boolean[] base = new boolean[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            cand[i] = pairs.get(i)[0];
            base[i] = pairs.get(i)[1];
        }
        return PairedTable.of(cand, base);
    }

    private static String why(
            CheckpointPoint p, List<CheckpointPoint> points, CheckpointPoint best, String baseline, double margin) {
        String gate = "passes the gate" + (baseline == null ? "" : " against '" + baseline + "'");
        String earlier = earlier(p, points);
        if (p.best()) {
            return p.variant() + " (epoch " + p.checkpoint().epoch() + ") is the best-scoring checkpoint (pass rate "
                    + GateEvaluator.fmt(p.verdict().candidateRate().rate()) + ") and " + gate
                    + "; no earlier checkpoint both passes the gate and is non-inferior to it (margin "
                    + GateEvaluator.fmt(margin) + ")" + earlier;
        }
        return p.variant() + " (epoch " + p.checkpoint().epoch() + ") is the earliest checkpoint that " + gate
                + " and is non-inferior to the best-scoring checkpoint " + best.variant() + " (epoch "
                + best.checkpoint().epoch() + "): " + vsBest(p, best) + ", lower bound above -"
                + GateEvaluator.fmt(margin) + earlier;
    }

    /** Why each earlier checkpoint was passed over, or empty when there is none. */
    private static String earlier(CheckpointPoint chosen, List<CheckpointPoint> points) {
        List<String> notes = new ArrayList<>();
        for (CheckpointPoint p : points) {
            if (p == chosen) {
                break;
            }
            notes.add(p.verdict().passed() ? p.variant() + " is inferior to the best" : failed(p));
        }
        return notes.isEmpty() ? "" : "; earlier: " + String.join("; ", notes);
    }

    private static String whyNone(
            String variant, List<CheckpointPoint> points, CheckpointPoint best, String baseline, double margin) {
        boolean anyPassed = points.stream().anyMatch(p -> p.verdict().passed());
        List<String> notes = new ArrayList<>();
        for (CheckpointPoint p : points) {
            if (!p.verdict().passed()) {
                notes.add(failed(p));
            } else {
                notes.add(p.variant() + " passes the gate but is inferior to " + best.variant() + " (" + vsBest(p, best)
                        + ", lower bound not above -" + GateEvaluator.fmt(margin) + ")");
            }
        }
        String against = baseline == null ? "" : " against '" + baseline + "'";
        String head = anyPassed
                ? "no checkpoint of '" + variant + "' both passes the gate" + against
                        + " and is non-inferior to the best-scoring checkpoint " + best.variant()
                : "no checkpoint of '" + variant + "' passes the gate" + against;
        return head + ": " + String.join("; ", notes);
    }

    private static String failed(CheckpointPoint p) {
        return p.variant() + " failed "
                + String.join(
                        ", ",
                        p.verdict().checks().stream()
                                .filter(c -> !c.passed())
                                .map(c -> c.name() + " (" + c.actual() + ", required " + c.required() + ")")
                                .toList());
    }

    private static String vsBest(CheckpointPoint p, CheckpointPoint best) {
        var d = p.vsBest().difference();
        return "pass rate " + GateEvaluator.fmt(p.verdict().candidateRate().rate()) + " vs "
                + GateEvaluator.fmt(best.verdict().candidateRate().rate()) + ", paired difference "
                + GateEvaluator.signed(p.vsBest().table().difference()) + " (" + GateEvaluator.pct(d.confidence())
                + " CI " + GateEvaluator.signed(d.lower()) + " to " + GateEvaluator.signed(d.upper()) + ")";
    }

    /** Numeric ids in numeric order (2 before 10), others as text after them. */
    private static int compareIds(String a, String b) {
        boolean na = a.chars().allMatch(Character::isDigit) && !a.isEmpty() && a.length() < 18;
        boolean nb = b.chars().allMatch(Character::isDigit) && !b.isEmpty() && b.length() < 18;
        if (na && nb) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return na ? -1 : nb ? 1 : a.compareTo(b);
    }
}
