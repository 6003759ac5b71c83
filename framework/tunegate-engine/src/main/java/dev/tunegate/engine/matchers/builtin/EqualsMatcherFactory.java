package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import org.apiguardian.api.API;

/**
 * {@code equals}: the answer text is exactly the given text. Object form
 * {@code {value: ..., ignoreCase: false, trim: false, json: false}}; with {@code json: true}, or when
 * {@code value} is a map or list, the text must be JSON equal to the value (key order and whitespace
 * do not matter).
 */
@API(status = API.Status.INTERNAL)
public final class EqualsMatcherFactory implements MatcherFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "equals";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        if (argument.isObject()) {
            Args.onlyKeys(argument, "equals", "value", "ignoreCase", "trim", "json");
            JsonNode value = argument.get("value");
            if (Args.absent(value)) {
                throw new MatcherDefinitionException("the map form of equals needs 'value' (the expected text); "
                        + "to compare with a JSON object write {value: {...}} or {value: '...', json: true}");
            }
            boolean ignoreCase = Args.bool(argument, "ignoreCase", false);
            boolean trim = Args.bool(argument, "trim", false);
            boolean json = Args.bool(argument, "json", false);
            if (value.isContainerNode() || json) {
                if (ignoreCase || trim) {
                    throw new MatcherDefinitionException(
                            "ignoreCase and trim do not apply to a JSON comparison", "/json");
                }
                return jsonEquals(value.isContainerNode() ? value : parse(Args.text(value, "value", "/value")));
            }
            return textEquals(Args.text(value, "value", "/value"), ignoreCase, trim);
        }
        if (Args.absent(argument) || argument.isArray()) {
            throw new MatcherDefinitionException("equals needs the expected text, e.g. equals: refund, or "
                    + "{value: refund, ignoreCase: true, trim: true}");
        }
        return textEquals(Args.text(argument, "the expected text", ""), false, false);
    }

    private static Matcher textEquals(String expected, boolean ignoreCase, boolean trim) {
        String options = ignoreCase && trim
                ? " (ignoring case and surrounding whitespace)"
                : ignoreCase ? " (ignoring case)" : trim ? " (ignoring surrounding whitespace)" : "";
        return new CheckMatcher("equals " + Args.quote(expected) + options, a -> {
            if (ignoreCase && trim) {
                a.hasTextIgnoringCaseAndSurroundingWhitespace(expected);
            } else if (ignoreCase) {
                a.hasTextIgnoringCase(expected);
            } else if (trim) {
                a.hasTextIgnoringSurroundingWhitespace(expected);
            } else {
                a.hasText(expected);
            }
        });
    }

    private static Matcher jsonEquals(JsonNode expected) {
        return new CheckMatcher("equals JSON " + Args.brief(expected), a -> a.hasJsonText(expected));
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MatcherDefinitionException(
                    "value is not valid JSON, but json: true was given: " + e.getOriginalMessage(), "/value");
        }
    }
}
