package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.ModelAnswerAssert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * {@code latency}: how long the call took. {@code latency: 2s} or {@code {max: 2s}} /
 * {@code {maxMs: 2000}} limit the total time (retries included); {@code {firstChunkMax: 500ms}} /
 * {@code {firstChunkMaxMs: 500}} limit the time to the first streamed chunk (for a call that was not
 * streamed, the whole answer is the first chunk).
 */
@API(status = API.Status.INTERNAL)
public final class LatencyMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        if (argument.isTextual()) {
            Duration max = Args.duration(argument, "max");
            return new CheckMatcher("latency max " + argument.asText().trim(), a -> a.respondedWithin(max));
        }
        if (!argument.isObject() || argument.isEmpty()) {
            throw new MatcherDefinitionException(
                    "latency needs a limit such as 2s, {max: 2s}, {maxMs: 2000} or " + "{firstChunkMax: 500ms}");
        }
        Args.onlyKeys(argument, "latency", "max", "maxMs", "firstChunkMax", "firstChunkMaxMs");
        if (argument.has("max") && argument.has("maxMs")) {
            throw new MatcherDefinitionException("give either max or maxMs, not both", "/maxMs");
        }
        if (argument.has("firstChunkMax") && argument.has("firstChunkMaxMs")) {
            throw new MatcherDefinitionException(
                    "give either firstChunkMax or firstChunkMaxMs, not both", "/firstChunkMaxMs");
        }
        List<Consumer<ModelAnswerAssert>> checks = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String key : (Iterable<String>) argument::fieldNames) {
            JsonNode value = argument.get(key);
            Duration limit = key.endsWith("Ms") ? Args.millis(value, key) : Args.duration(value, key);
            String shown =
                    key.endsWith("Ms") ? value.asText() + "ms" : value.asText().trim();
            if (key.startsWith("firstChunk")) {
                checks.add(a -> a.firstChunkWithin(limit));
                parts.add("firstChunkMax " + shown);
            } else {
                checks.add(a -> a.respondedWithin(limit));
                parts.add("max " + shown);
            }
        }
        return new CheckMatcher("latency " + String.join(", ", parts), checks);
    }
}
