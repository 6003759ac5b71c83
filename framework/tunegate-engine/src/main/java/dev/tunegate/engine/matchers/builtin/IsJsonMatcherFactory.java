package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import org.apiguardian.api.API;

/**
 * {@code isJson}: the whole answer text (whitespace around it aside) is one JSON value. Written as
 * {@code - isJson}, {@code isJson: true}, or {@code isJson: false} for "is not JSON".
 */
@API(status = API.Status.INTERNAL)
public final class IsJsonMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "isJson";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        if (Args.absent(argument) || (argument.isBoolean() && argument.booleanValue())) {
            return new CheckMatcher("isJson", a -> a.textIsJson());
        }
        if (argument.isBoolean()) {
            return new CheckMatcher("isJson false", a -> a.textIsNotJson());
        }
        throw new MatcherDefinitionException(
                "isJson takes no argument, or true/false, but was " + Args.brief(argument));
    }
}
