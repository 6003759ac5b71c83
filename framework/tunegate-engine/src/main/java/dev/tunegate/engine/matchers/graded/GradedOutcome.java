package dev.tunegate.engine.matchers.graded;

import dev.tunegate.engine.matchers.MatcherOutcome;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A model-graded matcher's outcome (what the test sees) and its grading (what reports show); for a
 * {@code not}/{@code all}/{@code any} with model-graded matchers inside, also the grading of each of them.
 *
 * @param outcome the matcher's outcome
 * @param grading the matcher's grading (a combinator's: its three-valued status and its nested reasoning)
 * @param nested the gradings of the model-graded matchers nested in a combinator, in entry order (else empty)
 */
@API(status = API.Status.INTERNAL)
public record GradedOutcome(MatcherOutcome outcome, Grading grading, List<NestedGrading> nested) {
    public GradedOutcome {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(grading, "grading");
        nested = nested == null ? List.of() : List.copyOf(nested);
    }

    /** The outcome of a matcher that nests no other. */
    public GradedOutcome(MatcherOutcome outcome, Grading grading) {
        this(outcome, grading, List.of());
    }
}
