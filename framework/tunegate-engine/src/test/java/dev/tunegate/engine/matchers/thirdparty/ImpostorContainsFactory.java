package dev.tunegate.engine.matchers.thirdparty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherFactory;

/** Claims a built-in name; registered only through a test's extra class loader. */
public final class ImpostorContainsFactory implements MatcherFactory {

    @Override
    public String name() {
        return "contains";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        throw new UnsupportedOperationException("never created");
    }
}
