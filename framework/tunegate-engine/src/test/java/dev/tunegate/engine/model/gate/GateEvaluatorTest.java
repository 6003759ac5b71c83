package dev.tunegate.engine.model.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {

    private static final List<VariantDeclaration> VARIANTS = List.of(
            new VariantDeclaration("base", null),
            new VariantDeclaration("tuned", null),
            new VariantDeclaration("ref", null));

    private static CaseOutcome c(String id, boolean base, boolean tuned, String... tags) {
        return new CaseOutcome(
                id,
                List.of(tags),
                Map.of(
                        "base",
                        VariantOutcome.single(base),
                        "tuned",
                        VariantOutcome.single(tuned),
                        "ref",
                        VariantOutcome.single(false)));
    }

    /** 20 cases: the candidate improves 4, regresses 1 critical case; both pass 14, both fail 1. */
    private static List<CaseOutcome> improvesMostButRegressesCritical() {
        List<CaseOutcome> cases = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            cases.add(c("same-" + i, true, true));
        }
        for (int i = 0; i < 4; i++) {
            cases.add(c("better-" + i, false, true));
        }
        cases.add(c("refund-request", true, false, "critical"));
        cases.add(c("hard", false, false));
        return cases;
    }

    /** The DESIGN.md gate with a non-inferiority margin of 0.10, which 20 cases can demonstrate. */
    private static GatePolicy designPolicy() {
        return new GatePolicy(
                List.of("tuned"),
                "base",
                0.90,
                List.of("critical"),
                new GatePolicy.RegressionLimit(0, Map.of()),
                null,
                new GatePolicy.NonInferiority(0.10, 0.95),
                0.95,
                false);
    }

    @Test
    void regressionOnMustPassCaseFailsTheGateDespiteImprovements() {
        GatePolicy policy = designPolicy();
        Roles roles = RoleAssignment.assign(VARIANTS, policy);
        GateVerdict verdict =
                GateEvaluator.evaluate("support", policy, roles, "tuned", improvesMostButRegressesCritical());

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.regressions()).containsExactly("refund-request");
        assertThat(verdict.improvements()).containsExactly("better-0", "better-1", "better-2", "better-3");
        assertThat(verdict.candidateRate().passes()).isEqualTo(18);
        assertThat(verdict.candidateRate().total()).isEqualTo(20);
        assertThat(verdict.baselineRate().passes()).isEqualTo(15);
        assertThat(verdict.comparison().table().bothPass()).isEqualTo(14);
        assertThat(verdict.comparison().table().bothFail()).isEqualTo(1);
        // 1 regression vs 4 improvements: exact McNemar p = 2 * P(X <= 1 | Bin(5, 1/2)) = 2 * 6/32
        assertThat(verdict.comparison().pValue()).isCloseTo(0.375, within(1e-12));
        assertThat(verdict.reasons())
                .containsExactly(
                        "mustPass: 1 (refund-request); required every case tagged [critical] passes",
                        "maxRegressions: 1 (refund-request); required <= 0");
        assertThat(verdict.checks())
                .extracting(GateCheck::name)
                .containsExactly("minPassRate", "mustPass", "maxRegressions", "nonInferiority");
        assertThat(verdict.table())
                .startsWith("Gate FAILED for suite 'support': candidate 'tuned' vs baseline 'base'\n")
                .containsPattern("minPassRate +>= 0.900 +0.900 \\(18/20, 95% CI 0.699-0.972\\) +ok")
                .containsPattern("maxRegressions +<= 0 +1 \\(refund-request\\) +FAILED")
                .contains("regressions: refund-request")
                .contains("McNemar exact p = 0.3750")
                .containsPattern("nonInferiority +lower 95% bound > -0.100 +\\+0.150 \\[-0.094, \\+0.380\\] +ok");
    }

    @Test
    void gatePassesWhenEveryRuleHolds() {
        List<CaseOutcome> cases = new ArrayList<>(improvesMostButRegressesCritical());
        cases.set(18, c("refund-request", true, true, "critical"));
        GatePolicy policy = designPolicy();
        GateVerdict verdict =
                GateEvaluator.evaluate("support", policy, RoleAssignment.assign(VARIANTS, policy), "tuned", cases);
        assertThat(verdict.passed()).as(verdict.table()).isTrue();
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.table()).startsWith("Gate PASSED");
    }

    @Test
    void nonInferiorityUsesTheLowerBoundOfThePairedDifference() {
        List<CaseOutcome> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cases.add(c("c" + i, true, true));
        }
        GatePolicy policy = new GatePolicy(
                List.of("tuned"),
                "base",
                null,
                List.of(),
                null,
                null,
                new GatePolicy.NonInferiority(0.05, 0.95),
                0.95,
                false);
        GateVerdict verdict =
                GateEvaluator.evaluate("s", policy, RoleAssignment.assign(VARIANTS, policy), "tuned", cases);
        // Identical results on 10 cases: the estimate is 0 but the interval is too wide to exclude -0.05.
        assertThat(verdict.comparison().table().difference()).isZero();
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reasons()).singleElement().asString().startsWith("nonInferiority: +0.000 [-0.");
    }

    @Test
    void regressionLimitsPerTagAndMinImprovement() {
        List<CaseOutcome> cases = List.of(
                c("a", true, false, "critical"),
                c("b", true, false, "smalltalk"),
                c("c", false, true),
                c("d", true, true));
        GatePolicy policy = new GatePolicy(
                List.of("tuned"),
                "base",
                null,
                List.of(),
                new GatePolicy.RegressionLimit(null, Map.of("critical", 0, "smalltalk", 1)),
                0.0,
                null,
                0.95,
                false);
        GateVerdict verdict =
                GateEvaluator.evaluate("s", policy, RoleAssignment.assign(VARIANTS, policy), "tuned", cases);
        assertThat(verdict.reasons())
                .containsExactlyInAnyOrder(
                        "maxRegressions[critical]: 1 (a); required <= 0",
                        "minImprovement: -0.250; required candidate - baseline >= +0.000");
    }

    @Test
    void strictModeRequiresEveryCase() {
        List<VariantDeclaration> one = List.of(new VariantDeclaration("tuned", null));
        List<CaseOutcome> cases = List.of(
                new CaseOutcome("a", List.of(), Map.of("tuned", VariantOutcome.single(true))),
                new CaseOutcome(
                        "b", List.of(), Map.of("tuned", new VariantOutcome(0, 1, 1.0, "HTTP 503 UNAVAILABLE"))));
        GateVerdict verdict = GateEvaluator.evaluate(
                "s", GatePolicy.strictMode(), RoleAssignment.assign(one, GatePolicy.strictMode()), "tuned", cases);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.baseline()).isNull();
        assertThat(verdict.comparison()).isNull();
        assertThat(verdict.reasons())
                .containsExactly("allPass: 1 (b); required every case passes (strict mode, no gate block)");
    }

    @Test
    void comparisonRulesWithoutBaselineFail() {
        List<VariantDeclaration> one = List.of(new VariantDeclaration("tuned", null));
        GatePolicy policy = new GatePolicy(
                List.of(), null, null, List.of(), new GatePolicy.RegressionLimit(0, Map.of()), null, null, 0.95, false);
        GateVerdict verdict = GateEvaluator.evaluate(
                "s",
                policy,
                RoleAssignment.assign(one, policy),
                "tuned",
                List.of(new CaseOutcome("a", List.of(), Map.of("tuned", VariantOutcome.single(true)))));
        assertThat(verdict.reasons()).containsExactly("baseline: none; required a baseline variant to compare with");
    }

    @Test
    void repeatsUsePassThreshold() {
        VariantOutcome fourOfFive = new VariantOutcome(4, 5, 0.8, null);
        assertThat(fourOfFive.passed()).isTrue();
        assertThat(fourOfFive.stats().flaky()).isTrue();
        assertThat(new VariantOutcome(4, 5, 1.0, null).passed()).isFalse();
        assertThat(new VariantOutcome(5, 5, 1.0, "HTTP 500 INTERNAL").passed()).isFalse();
    }

    @Test
    void enforcementFollowsRolesAndMustPass() {
        GatePolicy policy = designPolicy();
        Roles roles = RoleAssignment.assign(VARIANTS, policy);
        assertThat(Enforcement.toleratedReason(roles, policy, "tuned", List.of("critical")))
                .isEmpty();
        assertThat(Enforcement.toleratedReason(roles, policy, "tuned", List.of("smalltalk")))
                .get()
                .asString()
                .contains("counts towards the gate");
        assertThat(Enforcement.toleratedReason(roles, policy, "base", List.of("critical")))
                .get()
                .asString()
                .startsWith("Baseline 'base' failed");
        assertThat(Enforcement.toleratedReason(roles, policy, "ref", List.of()))
                .get()
                .asString()
                .startsWith("Reference 'ref' failed");
        Roles strict = RoleAssignment.assign(VARIANTS, GatePolicy.strictMode());
        assertThat(Enforcement.toleratedReason(strict, GatePolicy.strictMode(), "tuned", List.of()))
                .isEmpty();
        assertThat(Enforcement.toleratedReason(strict, GatePolicy.strictMode(), "base", List.of()))
                .isPresent();
    }
}
