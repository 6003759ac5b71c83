package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Shared by {@code contains} and {@code icontains}: a text, or a list of texts that must all occur. */
abstract class TextContainsFactory implements MatcherFactory {

    /** Whether case is ignored. */
    abstract boolean ignoreCase();

    @Override
    public final Matcher create(JsonNode argument, MatcherContext context) {
        List<String> values = new ArrayList<>();
        if (argument.isArray()) {
            if (argument.isEmpty()) {
                throw new MatcherDefinitionException(name() + " needs at least one text");
            }
            for (int i = 0; i < argument.size(); i++) {
                values.add(Args.nonEmptyText(argument.get(i), "text " + (i + 1), "/" + i));
            }
        } else if (argument.isObject() || Args.absent(argument)) {
            throw new MatcherDefinitionException(name() + " needs a text or a list of texts, e.g. " + name()
                    + ": refund, but was " + (Args.absent(argument) ? "empty" : Args.kind(argument)));
        } else {
            values.add(Args.nonEmptyText(argument, "the text", ""));
        }
        String[] array = values.toArray(String[]::new);
        String description = name() + " " + values.stream().map(Args::quote).collect(Collectors.joining(", "));
        return ignoreCase()
                ? new CheckMatcher(description, a -> a.textContainsIgnoringCase(array))
                : new CheckMatcher(description, a -> a.textContains(array));
    }
}
