package dev.tunegate.engine.model.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunegate.engine.model.suite.VariantCheckpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint to promote: the earliest that passes the gate and is non-inferior to the best-scoring one. Cases
 * {@code q-0..q-19}; the baseline passes {@code q-0..q-13}; a checkpoint passes the cases {@code [from, to)}.
 */
class CheckpointRecommenderTest {

    private static final String JOB = "projects/p/locations/us-central1/tuningJobs/42";

    /** minPassRate 0.7, maxRegressions 2, non-inferiority margin 0.25 (wide enough for 20 cases). */
    private static GatePolicy policy(GatePolicy.NonInferiority nonInferiority) {
        return new GatePolicy(
                List.of(),
                "base",
                0.7,
                List.of(),
                new GatePolicy.RegressionLimit(2, Map.of()),
                null,
                nonInferiority,
                0.95,
                false);
    }

    private static final GatePolicy POLICY = policy(new GatePolicy.NonInferiority(0.25, 0.95));

    /** A checkpoint {@code id} at {@code epoch} passing cases [from, to). */
    private record Point(String id, int epoch, int from, int to) {
        String name() {
            return "cand@" + id;
        }

        VariantCheckpoint checkpoint() {
            return new VariantCheckpoint(
                    "cand", JOB, id, epoch, 10L * epoch, "projects/p/locations/us-central1/endpoints/" + id, false);
        }
    }

    private static List<CheckpointSweep> sweeps(GatePolicy policy, Point... points) {
        List<CaseOutcome> cases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, VariantOutcome> byVariant = new LinkedHashMap<>();
            byVariant.put("base", VariantOutcome.single(i < 14));
            for (Point p : points) {
                byVariant.put(p.name(), VariantOutcome.single(i >= p.from() && i < p.to()));
            }
            cases.add(new CaseOutcome("q-" + i, List.of(), byVariant));
        }
        List<VariantDeclaration> declarations = new ArrayList<>();
        declarations.add(new VariantDeclaration("base", null));
        Map<String, VariantCheckpoint> checkpoints = new LinkedHashMap<>();
        for (Point p : points) {
            declarations.add(new VariantDeclaration(p.name(), null));
            checkpoints.put(p.name(), p.checkpoint());
        }
        Roles roles = RoleAssignment.assign(declarations, policy);
        List<GateVerdict> verdicts = roles.candidates().stream()
                .map(c -> GateEvaluator.evaluate("sweep", policy, roles, c, cases))
                .toList();
        return CheckpointRecommender.sweeps(policy, checkpoints, verdicts, cases);
    }

    private static List<String> order(CheckpointSweep sweep) {
        return sweep.points().stream().map(CheckpointPoint::variant).toList();
    }

    @Test
    void earliestCheckpointThatPassesAndIsNonInferiorToTheBestIsRecommendedNotTheBestNorTheLast() {
        CheckpointSweep sweep = sweeps(
                        POLICY,
                        new Point("1", 1, 0, 12), // 12/20: below minPassRate
                        new Point("2", 2, 0, 17), // 17/20: passes, 1 case behind the best
                        new Point("3", 3, 0, 18), // 18/20: the best
                        new Point("4", 4, 2, 18), // 16/20: passes, but 2 cases behind: inferior
                        new Point("5", 5, 4, 14)) // 10/20: over-fitted, 4 regressions
                .get(0);

        assertThat(sweep.variant()).isEqualTo("cand");
        assertThat(sweep.tuningJob()).isEqualTo(JOB);
        assertThat(sweep.best()).isEqualTo("cand@3");
        assertThat(sweep.recommended()).map(CheckpointPoint::variant).contains("cand@2");
        assertThat(sweep.points())
                .extracting(CheckpointPoint::variant, p -> p.verdict().passed(), CheckpointPoint::nonInferior)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cand@1", false, false),
                        org.assertj.core.groups.Tuple.tuple("cand@2", true, true),
                        org.assertj.core.groups.Tuple.tuple("cand@3", true, true),
                        org.assertj.core.groups.Tuple.tuple("cand@4", true, false),
                        org.assertj.core.groups.Tuple.tuple("cand@5", false, false));
        assertThat(sweep.reason())
                .startsWith("cand@2 (epoch 2) is the earliest checkpoint that passes the gate against 'base' and is"
                        + " non-inferior to the best-scoring checkpoint cand@3 (epoch 3): pass rate 0.850 vs 0.900")
                .contains("lower bound above -0.250")
                .contains("earlier: cand@1 failed minPassRate (0.600");
    }

    @Test
    void whenNoCheckpointPassesTheReasonSaysWhichRuleEachFailed() {
        CheckpointSweep sweep = sweeps(
                        POLICY,
                        new Point("1", 1, 0, 12), // minPassRate
                        new Point("2", 2, 3, 17), // 3 regressions: maxRegressions
                        new Point("3", 3, 6, 19)) // minPassRate? no: 13/20 = 0.65 and 6 regressions
                .get(0);

        assertThat(sweep.recommended()).isEmpty();
        assertThat(sweep.reason())
                .startsWith("no checkpoint of 'cand' passes the gate against 'base': cand@1 failed minPassRate (0.600")
                .contains("; cand@2 failed maxRegressions (3 (q-0, q-1, q-2), required <= 2)")
                .contains("; cand@3 failed minPassRate (0.650")
                .contains("maxRegressions (6 (q-0, q-1, q-2, q-3, q-4, q-5), required <= 2)");
        assertThat(sweep.points().get(1).verdict().reasons())
                .containsExactly("maxRegressions: 3 (q-0, q-1, q-2); required <= 2");
    }

    @Test
    void aTieForTheBestGoesToTheEarlierCheckpoint() {
        // no nonInferiority in the gate: margin 0, so only the best (the earlier of the tie) qualifies
        CheckpointSweep sweep = sweeps(
                        policy(null),
                        new Point("1", 1, 0, 16),
                        new Point("2", 2, 0, 18),
                        new Point("3", 3, 0, 18),
                        new Point("4", 4, 0, 17))
                .get(0);

        assertThat(sweep.best()).isEqualTo("cand@2");
        assertThat(sweep.margin()).isZero();
        assertThat(sweep.recommended()).map(CheckpointPoint::variant).contains("cand@2");
        assertThat(sweep.points().get(2).vsBest().table().difference()).isZero();
        assertThat(sweep.reason())
                .startsWith("cand@2 (epoch 2) is the best-scoring checkpoint (pass rate 0.900) and passes the gate"
                        + " against 'base'; no earlier checkpoint both passes the gate and is non-inferior to it"
                        + " (margin 0.000); earlier: cand@1 is inferior to the best");
    }

    @Test
    void checkpointsAreInEpochOrderWhateverTheirIdsAndDeclarationOrder() {
        // declared last-first, with ids that sort differently as text ("10" < "7") and as numbers
        CheckpointSweep sweep = sweeps(
                        POLICY,
                        new Point("10", 3, 0, 18),
                        new Point("7", 2, 0, 18),
                        new Point("b", 1, 0, 12),
                        new Point("a", 1, 0, 12))
                .get(0);

        assertThat(order(sweep)).containsExactly("cand@a", "cand@b", "cand@7", "cand@10");
        assertThat(sweep.best()).isEqualTo("cand@7");
        assertThat(sweep.recommended()).map(CheckpointPoint::variant).contains("cand@7");
    }

    @Test
    void checkpointsThatPassOnlyWhenInferiorToTheBestGiveNoRecommendation() {
        // the best fails the gate (5 regressions) and the passing checkpoint is far behind it
        CheckpointSweep sweep = sweeps(POLICY, new Point("1", 1, 0, 14), new Point("2", 2, 5, 20))
                .get(0);

        assertThat(sweep.best()).isEqualTo("cand@2");
        assertThat(sweep.recommended()).isEmpty();
        assertThat(sweep.reason())
                .startsWith("no checkpoint of 'cand' both passes the gate against 'base' and is non-inferior to the"
                        + " best-scoring checkpoint cand@2: cand@1 passes the gate but is inferior to cand@2");
    }

    @Test
    void variantsThatAreNotCheckpointsMakeNoSweep() {
        GatePolicy policy = POLICY;
        List<CaseOutcome> cases = List.of(new CaseOutcome(
                "q", List.of(), Map.of("base", VariantOutcome.single(true), "tuned", VariantOutcome.single(true))));
        Roles roles = RoleAssignment.assign(
                List.of(new VariantDeclaration("base", null), new VariantDeclaration("tuned", null)), policy);
        GateVerdict verdict = GateEvaluator.evaluate("s", policy, roles, "tuned", cases);

        assertThat(CheckpointRecommender.sweeps(policy, Map.of(), List.of(verdict), cases))
                .isEmpty();
    }
}
