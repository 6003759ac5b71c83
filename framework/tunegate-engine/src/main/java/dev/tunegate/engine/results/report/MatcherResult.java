package dev.tunegate.engine.results.report;

import org.apiguardian.api.API;

/**
 * The result of one matcher on one sample.
 *
 * @param type        matcher type, e.g. {@code equals}
 * @param description what it checked, e.g. {@code equals '{"intent":"refund"}'}
 * @param passed      whether it held
 * @param message     the failure message (expected and actual), or null when it passed
 * @param line        line of the matcher in the suite file, or 0 when unknown
 * @param judgement   a model-graded check's verdict, score and reasoning (and the compared answer of a
 *     pairwise comparison), or null for other matchers
 * @param inconclusive whether it failed only because a model-graded check was INCONCLUSIVE (its judge's samples
 *     disagreed), which the gate may leave out ({@code gate.inconclusive: exclude})
 */
@API(status = API.Status.INTERNAL)
public record MatcherResult(
        String type,
        String description,
        boolean passed,
        String message,
        int line,
        String judgement,
        boolean inconclusive) {

    /** The result of a matcher that no model graded. */
    public MatcherResult(String type, String description, boolean passed, String message, int line) {
        this(type, description, passed, message, line, null, false);
    }
}
