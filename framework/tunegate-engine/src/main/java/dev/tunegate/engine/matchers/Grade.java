package dev.tunegate.engine.matchers;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@link JudgedMatcher}'s verdict on one answer, three-valued like the built-in judges': PASS, FAIL,
 * INCONCLUSIVE (the judge could not decide, e.g. its samples disagreed: reported as its own status and never
 * a pass) or ERROR (the judge's reply could not be graded: never a pass). Reports show the status, the score
 * and the reasoning next to the answer.
 *
 * @param status the verdict
 * @param score a score from 0 to 1, or null
 * @param reasoning why (the judge's reasoning)
 * @param raw the judge's raw outputs, for an ERROR (else empty)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Grade(Status status, Double score, String reasoning, List<String> raw) {

    /** The four verdicts of a model-graded check. */
    public enum Status {
        /** The answer meets the check. */
        PASS,
        /** The answer does not meet the check. */
        FAIL,
        /** The judge could not decide: never a pass. */
        INCONCLUSIVE,
        /** The judge's reply could not be graded: never a pass. */
        ERROR
    }

    /** Checks the score and normalises absent values. */
    public Grade {
        Objects.requireNonNull(status, "status");
        if (score != null && (score.isNaN() || score < 0 || score > 1)) {
            throw new IllegalArgumentException("a score must be within [0, 1], but was " + score);
        }
        reasoning = reasoning == null ? "" : reasoning;
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    /** A pass with the judge's reasoning. */
    public static Grade pass(String reasoning) {
        return new Grade(Status.PASS, null, reasoning, List.of());
    }

    /** A failure with the judge's reasoning. */
    public static Grade fail(String reasoning) {
        return new Grade(Status.FAIL, null, reasoning, List.of());
    }

    /** An inconclusive verdict (never a pass), saying why. */
    public static Grade inconclusive(String reasoning) {
        return new Grade(Status.INCONCLUSIVE, null, reasoning, List.of());
    }

    /** An answer the judge could not grade (never a pass): the problem and the judge's raw outputs. */
    public static Grade error(String problem, List<String> raw) {
        return new Grade(Status.ERROR, null, problem, raw);
    }

    /** The same verdict with a score from 0 to 1. */
    public Grade withScore(double score) {
        return new Grade(status, score, reasoning, raw);
    }
}
