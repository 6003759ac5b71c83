package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import java.util.Optional;

/** Arguments shared by the model-graded matchers: an optional model name and numbers in a range. */
final class GradedArgs {
    private GradedArgs() {}

    static Optional<String> model(JsonNode argument) {
        JsonNode node = argument.get("model");
        return Args.absent(node) ? Optional.empty() : Optional.of(Args.nonEmptyText(node, "model", "/model"));
    }

    static double number(JsonNode argument, String key, double min, double max, double defaultValue) {
        JsonNode node = argument.get(key);
        if (Args.absent(node)) {
            return defaultValue;
        }
        if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
            throw new MatcherDefinitionException(
                    key + " must be a number from " + min + " to " + max + ", but was " + node, Args.pointer(key));
        }
        return node.asDouble();
    }

    static JsonNode object(JsonNode argument, String matcher, String example) {
        if (argument == null || !argument.isObject()) {
            throw new MatcherDefinitionException(matcher + " needs a mapping such as " + example);
        }
        return argument;
    }
}
