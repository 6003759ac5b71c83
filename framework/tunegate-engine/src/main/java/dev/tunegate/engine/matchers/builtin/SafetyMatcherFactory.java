package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.client.model.BlockReason;
import dev.tunegate.client.model.HarmCategory;
import dev.tunegate.client.model.HarmProbability;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.ModelAnswerAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * {@code safety}: the answer's safety ratings and blocking. Keys (any combination):
 * {@code max: LOW} (no rating above LOW), a harm category with its maximum
 * ({@code HARM_CATEGORY_HARASSMENT: NEGLIGIBLE}, or {@code HARASSMENT: NEGLIGIBLE}),
 * {@code blocked: true|false}, {@code blockReason: SAFETY} (the prompt was blocked for this reason).
 * The ratings are the first candidate's, or the prompt's when there is no candidate.
 */
@API(status = API.Status.INTERNAL)
public final class SafetyMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "safety";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        if (!argument.isObject() || argument.isEmpty()) {
            throw new MatcherDefinitionException("safety needs a map such as {max: LOW}, {HARM_CATEGORY_HARASSMENT: "
                    + "NEGLIGIBLE}, {blocked: false} or {blockReason: SAFETY}");
        }
        List<Consumer<ModelAnswerAssert>> checks = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String key : (Iterable<String>) argument::fieldNames) {
            JsonNode value = argument.get(key);
            String pointer = Args.pointer(key);
            switch (key) {
                case "max" -> {
                    HarmProbability max = Args.enumValue(HarmProbability.class, value, "harm probability", pointer);
                    checks.add(a -> a.hasSafetyAtMost(max));
                    parts.add("max " + max);
                }
                case "blocked" -> {
                    boolean blocked = Args.bool(argument, key, false);
                    checks.add(blocked ? ModelAnswerAssert::isBlocked : ModelAnswerAssert::isNotBlocked);
                    parts.add("blocked " + blocked);
                }
                case "blockReason" -> {
                    BlockReason reason = Args.enumValue(BlockReason.class, value, "block reason", pointer);
                    checks.add(a -> a.hasBlockReason(reason));
                    parts.add("blockReason " + reason);
                }
                default -> {
                    HarmCategory category = category(key);
                    HarmProbability max = Args.enumValue(HarmProbability.class, value, "harm probability", pointer);
                    checks.add(a -> a.hasSafetyAtMost(category, max));
                    parts.add(category + " max " + max);
                }
            }
        }
        return new CheckMatcher("safety " + String.join(", ", parts), checks);
    }

    private static HarmCategory category(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        String name = upper.startsWith("HARM_CATEGORY_") ? upper : "HARM_CATEGORY_" + upper;
        for (HarmCategory category : HarmCategory.values()) {
            if (category.name().equals(name) && !name.equals("HARM_CATEGORY_UNSPECIFIED")) {
                return category;
            }
        }
        throw new MatcherDefinitionException(
                "unknown key '" + key + "' for safety; allowed: max, blocked, blockReason, " + "or a harm category: "
                        + Args.names(HarmCategory.class),
                Args.pointer(key));
    }
}
