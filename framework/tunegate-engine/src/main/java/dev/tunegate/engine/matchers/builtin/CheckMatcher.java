package dev.tunegate.engine.matchers.builtin;

import dev.tunegate.engine.matchers.InterruptibleMatcher;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.matchers.ModelAnswerAssert;
import dev.tunegate.engine.matchers.TuneGateAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * A matcher made of AssertJ assertions on the answer; the description becomes the
 * {@code [description]} prefix of every failure message, so failures name their matcher. With
 * several assertions (e.g. {@code tokens: {maxPrompt: .., maxOutput: ..}}) every one is checked and
 * all failures are reported together.
 */
record CheckMatcher(String description, List<Consumer<ModelAnswerAssert>> assertions, boolean stopsWhenInterrupted)
        implements InterruptibleMatcher {

    CheckMatcher {
        assertions = List.copyOf(assertions);
    }

    /** Assertions that only compute on the answer and stop when interrupted (the usual case). */
    CheckMatcher(String description, List<Consumer<ModelAnswerAssert>> assertions) {
        this(description, assertions, true);
    }

    CheckMatcher(String description, Consumer<ModelAnswerAssert> assertion) {
        this(description, List.of(assertion));
    }

    @Override
    public void check(ModelAnswer answer) {
        List<AssertionError> failures = new ArrayList<>();
        for (Consumer<ModelAnswerAssert> assertion : assertions) {
            try {
                assertion.accept(TuneGateAssertions.assertThat(answer).as(description));
            } catch (AssertionError e) {
                failures.add(e);
            }
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        if (failures.size() > 1) {
            String prefix = "[" + description + "] ";
            String messages = failures.stream()
                    .map(e -> "  - "
                            + Objects.toString(e.getMessage(), "")
                                    .replace(prefix, "")
                                    .strip()
                                    .replace("\n", "\n    "))
                    .collect(Collectors.joining("\n"));
            throw CompositeFailures.failure(
                    description,
                    failures.size() + " checks failed:\n" + messages,
                    joined(failures, true),
                    joined(failures, false));
        }
    }

    private static String joined(List<AssertionError> failures, boolean expected) {
        return failures.stream()
                .map(e -> e instanceof AssertionFailedError f ? (expected ? f.getExpected() : f.getActual()) : null)
                .map(v -> v == null ? "" : String.valueOf(v.getValue()))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return description;
    }
}
