package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.InterruptibleMatcher;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.matchers.graded.GradedCombination;
import java.util.List;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * The combinators {@code all} and {@code any}: a list of nested matchers joined by a
 * {@link Quantifier}. Every nested matcher is evaluated and, when the quantifier does not hold,
 * every failure is reported. With a model-graded matcher inside, the combinator is a
 * {@link GradedCombination} instead, graded three-valued by the engine. {@link AllMatcherFactory} and {@link AnyMatcherFactory} only pick the
 * quantifier (the service loader needs a class per factory).
 */
abstract class CombinatorMatcherFactory implements MatcherFactory {

    /** How many nested matchers must pass, and how a combinator says it when they do not. */
    enum Quantifier {
        /** Every nested matcher must pass. */
        ALL("all", "; ") {
            @Override
            boolean holds(int failed, int total) {
                return failed == 0;
            }

            @Override
            String summary(int failed, int total) {
                return failed + " of " + total + " nested matchers failed:\n";
            }
        },
        /** At least one nested matcher must pass. */
        ANY("any", " | ") {
            @Override
            boolean holds(int failed, int total) {
                return failed < total;
            }

            @Override
            String summary(int failed, int total) {
                return "Expected at least one of " + total + " nested matchers to pass, but none did:\n";
            }
        };

        private final String key;
        private final String separator;

        Quantifier(String key, String separator) {
            this.key = key;
            this.separator = separator;
        }

        abstract boolean holds(int failed, int total);

        abstract String summary(int failed, int total);
    }

    private final Quantifier quantifier;

    CombinatorMatcherFactory(Quantifier quantifier) {
        this.quantifier = quantifier;
    }

    @Override
    public final String name() {
        return quantifier.key;
    }

    @Override
    public final Matcher create(JsonNode argument, MatcherContext context) {
        List<Matcher> children = CompositeArgs.children(name(), argument, context);
        return GradedCombination.of(
                        quantifier == Quantifier.ALL ? GradedCombination.Mode.ALL : GradedCombination.Mode.ANY,
                        children,
                        CompositeArgs.names(argument))
                .orElseGet(() -> new Combined(quantifier, children));
    }

    private record Combined(Quantifier quantifier, List<Matcher> children) implements InterruptibleMatcher {

        @Override
        public boolean stopsWhenInterrupted() {
            return children.stream().allMatch(c -> InterruptibleMatcher.stopsWhenInterrupted(c));
        }

        @Override
        public void check(ModelAnswer answer) {
            List<CompositeFailures.Failed> failed = CompositeFailures.failures(children, answer);
            if (quantifier.holds(failed.size(), children.size())) {
                return;
            }
            String list = failed.stream().map(f -> "  - " + f.message()).collect(Collectors.joining("\n"));
            Object expected = description();
            Object actual = CompositeFailures.actualText(answer);
            // a lone failure of all stands for the whole: its expected and actual are the combinator's
            if (quantifier == Quantifier.ALL
                    && failed.size() == 1
                    && failed.get(0).error() instanceof AssertionFailedError only) {
                expected = only.getExpected() == null
                        ? expected
                        : only.getExpected().getValue();
                actual = only.getActual() == null ? actual : only.getActual().getValue();
            }
            throw CompositeFailures.failure(
                    description(), quantifier.summary(failed.size(), children.size()) + list, expected, actual);
        }

        @Override
        public String description() {
            return quantifier.key + " ("
                    + children.stream().map(Matcher::description).collect(Collectors.joining(quantifier.separator))
                    + ")";
        }
    }
}
