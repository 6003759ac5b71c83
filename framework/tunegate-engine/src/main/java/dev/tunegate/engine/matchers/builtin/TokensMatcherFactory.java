package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.ModelAnswerAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * {@code tokens}: token counts from the response's {@code usageMetadata}:
 * {@code {maxPrompt: 100, maxOutput: 256, maxTotal: 300}} (any combination). A response without
 * usage metadata fails.
 */
@API(status = API.Status.INTERNAL)
public final class TokensMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "tokens";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        if (!argument.isObject() || argument.isEmpty()) {
            throw new MatcherDefinitionException(
                    "tokens needs at least one of maxPrompt, maxOutput, maxTotal, " + "e.g. {maxOutput: 256}");
        }
        Args.onlyKeys(argument, "tokens", "maxPrompt", "maxOutput", "maxTotal");
        List<Consumer<ModelAnswerAssert>> checks = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String key : (Iterable<String>) argument::fieldNames) {
            long limit = Args.count(argument.get(key), key, 0);
            int max = (int) Math.min(limit, Integer.MAX_VALUE);
            switch (key) {
                case "maxPrompt" -> checks.add(a -> a.usedAtMostPromptTokens(max));
                case "maxOutput" -> checks.add(a -> a.usedAtMostOutputTokens(max));
                default -> checks.add(a -> a.usedAtMostTotalTokens(max));
            }
            parts.add(key + " " + limit);
        }
        return new CheckMatcher("tokens " + String.join(", ", parts), checks);
    }
}
