package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import java.util.ArrayList;
import java.util.List;

/** Reads the list of nested entries of {@code all} and {@code any}. */
final class CompositeArgs {

    private CompositeArgs() {}

    static List<Matcher> children(String name, JsonNode argument, MatcherContext context) {
        if (!argument.isArray() || argument.isEmpty()) {
            throw new MatcherDefinitionException(
                    name + " needs a list of matchers, e.g. " + name + ": [{contains: refund}, {regex: '^\\{'}]");
        }
        List<Matcher> children = new ArrayList<>();
        for (int i = 0; i < argument.size(); i++) {
            try {
                children.add(context.create(argument.get(i)));
            } catch (MatcherDefinitionException e) {
                throw e.under(String.valueOf(i));
            }
        }
        return List.copyOf(children);
    }

    /** The matcher name of each nested entry (its key, or the bare name), for paths such as {@code all/0/judge}. */
    static List<String> names(JsonNode argument) {
        List<String> names = new ArrayList<>();
        if (argument.isArray()) {
            argument.forEach(entry -> names.add(name(entry)));
        } else {
            names.add(name(argument));
        }
        return List.copyOf(names);
    }

    private static String name(JsonNode entry) {
        return entry.isTextual() ? entry.textValue() : entry.fieldNames().next();
    }
}
