package dev.tunegate.engine.matchers.builtin;

import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.error.AssertionErrorCreator;
import org.assertj.core.presentation.StandardRepresentation;

/** Failures of the combinators {@code not}, {@code all} and {@code any}, created through AssertJ. */
final class CompositeFailures {

    private static final AssertionErrorCreator CREATOR = new AssertionErrorCreator();

    private CompositeFailures() {}

    /** An {@code AssertionFailedError} with expected and actual, whose message starts with {@code [description]}. */
    static AssertionError failure(String description, String message, Object expected, Object actual) {
        return CREATOR.assertionError(
                "[" + description + "] " + message, actual, expected, StandardRepresentation.STANDARD_REPRESENTATION);
    }

    /** Runs every matcher and returns the failures in order (an unexpected exception counts as one). */
    static List<Failed> failures(List<Matcher> matchers, ModelAnswer answer) {
        List<Failed> failed = new ArrayList<>();
        for (Matcher matcher : matchers) {
            try {
                matcher.check(answer);
            } catch (AssertionError | RuntimeException e) {
                failed.add(new Failed(matcher, e));
            }
        }
        return failed;
    }

    /** The answer text for the actual side of a combinator's failure. */
    static String actualText(ModelAnswer answer) {
        return answer.hasCandidate() ? answer.text() : "<no candidate>";
    }

    record Failed(Matcher matcher, Throwable error) {
        String message() {
            return String.valueOf(error.getMessage()).strip().replace("\n", "\n    ");
        }
    }
}
