package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** {@code any}: at least one nested matcher must pass; when none does, every failure is reported. */
@API(status = API.Status.INTERNAL)
public final class AnyMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "any";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        return new Any(CompositeArgs.children(name(), argument, context));
    }

    private record Any(List<Matcher> children) implements Matcher {

        @Override
        public void check(ModelAnswer answer) {
            List<CompositeFailures.Failed> failed = CompositeFailures.failures(children, answer);
            if (failed.size() < children.size()) {
                return;
            }
            String list = failed.stream().map(f -> "  - " + f.message()).collect(Collectors.joining("\n"));
            throw CompositeFailures.failure(
                    description(),
                    "Expected at least one of " + children.size() + " nested matchers to pass, but none did:\n" + list,
                    description(),
                    CompositeFailures.actualText(answer));
        }

        @Override
        public String description() {
            return "any (" + children.stream().map(Matcher::description).collect(Collectors.joining(" | ")) + ")";
        }
    }
}
