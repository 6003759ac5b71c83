package dev.tunegate.engine.model.gate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The true outcome of one case on one variant, whatever JUnit was told (a failure the gate tolerates
 * is still {@link #FAILED} here). Reports write it in lower case ({@link #label()}), as
 * {@code summary.json}'s {@code status} and the reports' status cells.
 */
@API(status = API.Status.INTERNAL)
public enum Outcome {
    /** At least one sample answered and enough samples passed every matcher. */
    PASSED,
    /** The samples answered, but too few passed their matchers. */
    FAILED,
    /** No sample answered: every call failed (endpoint, network). */
    ERROR,
    /** The variant did not run the case (filtered out or excluded by configuration). */
    SKIPPED;

    /** The outcome as reports write it: {@code passed}, {@code failed}, {@code error} or {@code skipped}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome named by {@link #label()} (case-insensitive). */
    @JsonCreator
    public static Outcome ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** Failed or errored: the case did not pass although the variant ran it. */
    public boolean notPassed() {
        return this == FAILED || this == ERROR;
    }
}
