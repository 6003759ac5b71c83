package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * {@code all}: every nested matcher must pass (useful inside {@code not} and {@code any}). All of
 * them are evaluated and every failure is reported.
 */
@API(status = API.Status.INTERNAL)
public final class AllMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "all";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        return new All(CompositeArgs.children(name(), argument, context));
    }

    private record All(List<Matcher> children) implements Matcher {

        @Override
        public void check(ModelAnswer answer) {
            List<CompositeFailures.Failed> failed = CompositeFailures.failures(children, answer);
            if (failed.isEmpty()) {
                return;
            }
            String list = failed.stream().map(f -> "  - " + f.message()).collect(Collectors.joining("\n"));
            Object expected = description();
            Object actual = CompositeFailures.actualText(answer);
            if (failed.size() == 1 && failed.get(0).error() instanceof AssertionFailedError only) {
                expected = only.getExpected() == null
                        ? expected
                        : only.getExpected().getValue();
                actual = only.getActual() == null ? actual : only.getActual().getValue();
            }
            throw CompositeFailures.failure(
                    description(),
                    failed.size() + " of " + children.size() + " nested matchers failed:\n" + list,
                    expected,
                    actual);
        }

        @Override
        public String description() {
            return "all (" + children.stream().map(Matcher::description).collect(Collectors.joining("; ")) + ")";
        }
    }
}
