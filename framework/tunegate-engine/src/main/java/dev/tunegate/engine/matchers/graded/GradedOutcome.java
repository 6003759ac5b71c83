package dev.tunegate.engine.matchers.graded;

import dev.tunegate.engine.matchers.MatcherOutcome;
import java.util.Objects;
import org.apiguardian.api.API;

/** A model-graded matcher's outcome (what the test sees) and its grading (what reports show). */
@API(status = API.Status.INTERNAL)
public record GradedOutcome(MatcherOutcome outcome, Grading grading) {
    public GradedOutcome {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(grading, "grading");
    }
}
