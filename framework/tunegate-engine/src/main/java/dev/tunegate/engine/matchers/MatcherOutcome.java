package dev.tunegate.engine.matchers;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/**
 * The outcome of one matcher on one answer, as data for reports.
 *
 * @param description the matcher's {@link Matcher#description()}
 * @param failure why it failed: an {@link AssertionError} for a failed expectation, another
 *     exception when the matcher itself broke; {@code null} when it passed
 */
@API(status = API.Status.STABLE, since = "0.1")
public record MatcherOutcome(String description, Throwable failure) {

    /** Requires a description. */
    public MatcherOutcome {
        Objects.requireNonNull(description, "description");
    }

    /** A passed matcher. */
    public static MatcherOutcome passed(String description) {
        return new MatcherOutcome(description, null);
    }

    /** Whether the matcher passed. */
    public boolean passed() {
        return failure == null;
    }

    /** The failure message; empty when the matcher passed. */
    public String message() {
        return failure == null
                ? ""
                : Objects.toString(failure.getMessage(), failure.getClass().getName());
    }

    /** The expected value of a failed matcher, when its failure carries one. */
    public Optional<String> expected() {
        return value(true);
    }

    /** The actual value of a failed matcher, when its failure carries one. */
    public Optional<String> actual() {
        return value(false);
    }

    private Optional<String> value(boolean expected) {
        if (!(failure instanceof AssertionFailedError error)) {
            return Optional.empty();
        }
        ValueWrapper wrapper = expected ? error.getExpected() : error.getActual();
        return Optional.ofNullable(wrapper).map(ValueWrapper::getStringRepresentation);
    }
}
