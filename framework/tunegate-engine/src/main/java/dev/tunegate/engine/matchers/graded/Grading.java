package dev.tunegate.engine.matchers.graded;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a model-graded check found, for reports: its status, score (judge score, similarity, or win share),
 * the judge's reasoning, the judges' raw outputs (kept for errors), the compared answer of a pairwise
 * comparison, whether it was advisory (reported, not enforced) and why, and the judge's token usage.
 *
 * @param kind the matcher name: judge, pairwise or similar
 * @param status the verdict
 * @param score the score from 0 to 1, or null
 * @param reasoning the judge's reasoning (all samples' or both orders'), or a description of the score
 * @param raw the judge's raw answers, when it could not grade (else empty)
 * @param compared the compared variant's answer text of a pairwise comparison, or null
 * @param advisory why the check is advisory, or null when it is enforced
 * @param judgeTokens total tokens the grading calls used (0 when none were reported)
 */
@API(status = API.Status.INTERNAL)
public record Grading(
        String kind,
        GradeStatus status,
        Double score,
        String reasoning,
        List<String> raw,
        String compared,
        String advisory,
        long judgeTokens) {
    public Grading {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        raw = raw == null ? List.of() : List.copyOf(raw);
        reasoning = reasoning == null ? "" : reasoning;
    }
}
