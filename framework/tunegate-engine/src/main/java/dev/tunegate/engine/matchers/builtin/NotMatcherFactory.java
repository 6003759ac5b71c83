package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.InterruptibleMatcher;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.matchers.graded.GradedCombination;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code not}: the nested matcher must fail, e.g. {@code not: {contains: sorry}}. Over a model-graded matcher
 * it is a {@link GradedCombination}: an inconclusive or erroneous verdict stays one, never a pass.
 */
@API(status = API.Status.INTERNAL)
public final class NotMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "not";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        if (!argument.isObject() && !argument.isTextual()) {
            throw new MatcherDefinitionException("not needs one matcher, e.g. not: {contains: sorry}");
        }
        Matcher inner = context.create(argument);
        return GradedCombination.of(GradedCombination.Mode.NOT, List.of(inner), CompositeArgs.names(argument))
                .orElseGet(() -> new Not(inner));
    }

    private record Not(Matcher inner) implements InterruptibleMatcher {

        @Override
        public boolean stopsWhenInterrupted() {
            return InterruptibleMatcher.stopsWhenInterrupted(inner);
        }

        @Override
        public void check(ModelAnswer answer) {
            try {
                inner.check(answer);
            } catch (AssertionError expected) {
                return;
            }
            throw CompositeFailures.failure(
                    description(),
                    "Expected the answer not to satisfy: " + inner.description() + "\nbut it did; answer text:\n  \""
                            + CompositeFailures.actualText(answer) + "\"",
                    description(),
                    CompositeFailures.actualText(answer));
        }

        @Override
        public String description() {
            return "not (" + inner.description() + ")";
        }
    }
}
