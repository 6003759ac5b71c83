package dev.tunegate.engine.model.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A suite's promotion policy, the {@code gate:} block of a suite file. Every threshold is optional;
 * an absent one is not checked.
 *
 * @param candidates     variants the gate decides on (empty: the default role rules choose)
 * @param baseline       the variant candidates are compared with (null: the default role rules choose)
 * @param minPassRate    minimum candidate pass rate (point estimate), in [0, 1]
 * @param mustPass       tags whose cases must pass on the candidate; failures there fail their test
 * @param maxRegressions maximum regressions against the baseline, overall and per tag
 * @param minImprovement minimum pass-rate difference candidate &minus; baseline (point estimate), in [-1, 1]
 * @param nonInferiority lower confidence bound of the paired difference must be above &minus;margin
 * @param confidence     confidence level of the reported intervals (default 0.95)
 * @param strict         strict mode: no gate block, every candidate case is enforced and must pass
 * @param excludeInconclusive true for {@code inconclusive: exclude}: cases that failed only because of
 *                      INCONCLUSIVE model-graded checks are left out of the gate; null for the default (they
 *                      count as failures)
 */
@API(status = API.Status.INTERNAL)
public record GatePolicy(
        List<String> candidates,
        String baseline,
        Double minPassRate,
        List<String> mustPass,
        RegressionLimit maxRegressions,
        Double minImprovement,
        NonInferiority nonInferiority,
        double confidence,
        boolean strict,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean excludeInconclusive) {

    /** A policy that counts INCONCLUSIVE cases as failures (the default). */
    public GatePolicy(
            List<String> candidates,
            String baseline,
            Double minPassRate,
            List<String> mustPass,
            RegressionLimit maxRegressions,
            Double minImprovement,
            NonInferiority nonInferiority,
            double confidence,
            boolean strict) {
        this(
                candidates,
                baseline,
                minPassRate,
                mustPass,
                maxRegressions,
                minImprovement,
                nonInferiority,
                confidence,
                strict,
                null);
    }

    /** Default confidence level of reported intervals. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    public GatePolicy {
        candidates = List.copyOf(Objects.requireNonNullElse(candidates, List.of()));
        mustPass = List.copyOf(Objects.requireNonNullElse(mustPass, List.of()));
        requireUnit(minPassRate, "minPassRate", 0);
        requireUnit(minImprovement, "minImprovement", -1);
        excludeInconclusive = Boolean.TRUE.equals(excludeInconclusive) ? Boolean.TRUE : null;
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("gate.confidence must be in (0, 1), was " + confidence);
        }
    }

    /** The implied policy of a suite without a gate block: every candidate case must pass. */
    public static GatePolicy strictMode() {
        return new GatePolicy(List.of(), null, null, List.of(), null, null, null, DEFAULT_CONFIDENCE, true);
    }

    /** This policy with the candidate and baseline replaced (pipeline overrides); null keeps a value. */
    public GatePolicy withOverrides(List<String> candidateOverride, String baselineOverride) {
        return new GatePolicy(
                candidateOverride == null || candidateOverride.isEmpty() ? candidates : candidateOverride,
                baselineOverride == null || baselineOverride.isBlank() ? baseline : baselineOverride,
                minPassRate,
                mustPass,
                maxRegressions,
                minImprovement,
                nonInferiority,
                confidence,
                strict,
                excludeInconclusive);
    }

    /** Whether a case with these tags is enforced individually on a candidate. */
    public boolean enforces(List<String> caseTags) {
        return strict || caseTags.stream().anyMatch(mustPass::contains);
    }

    private static void requireUnit(Double value, String name, double min) {
        if (value != null && !(value >= min && value <= 1)) {
            throw new IllegalArgumentException("gate." + name + " must be in [" + (int) min + ", 1], was " + value);
        }
    }

    /**
     * Regression limits: {@code maxRegressions: 0} or {@code {total: 0, byTag: {critical: 0}}}.
     *
     * @param total maximum regressions over all cases (null: unlimited)
     * @param byTag maximum regressions among the cases carrying each tag
     */
    public record RegressionLimit(Integer total, Map<String, Integer> byTag) {
        public RegressionLimit {
            byTag = Map.copyOf(Objects.requireNonNullElse(byTag, Map.of()));
            if (total != null && total < 0) {
                throw new IllegalArgumentException("gate.maxRegressions.total must not be negative, was " + total);
            }
            byTag.forEach((tag, limit) -> {
                if (limit < 0) {
                    throw new IllegalArgumentException(
                            "gate.maxRegressions.byTag." + tag + " must not be negative, was " + limit);
                }
            });
        }
    }

    /**
     * Non-inferiority: the lower bound of the {@code confidence}-level interval for
     * candidate &minus; baseline pass rate must lie above {@code -margin}.
     */
    public record NonInferiority(double margin, double confidence) {
        public NonInferiority {
            if (!(margin >= 0 && margin <= 1)) {
                throw new IllegalArgumentException("gate.nonInferiority.margin must be in [0, 1], was " + margin);
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException(
                        "gate.nonInferiority.confidence must be in (0, 1), was " + confidence);
            }
        }
    }
}
