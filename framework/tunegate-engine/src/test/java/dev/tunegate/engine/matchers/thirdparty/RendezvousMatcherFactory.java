package dev.tunegate.engine.matchers.thirdparty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A third-party matcher for tests of parallel judging: {@code meets: {group: g, size: n}} passes only
 * when n checks of group g are running at the same time (each waits up to 10 s for the others).
 */
public final class RendezvousMatcherFactory implements MatcherFactory {
    private static final Map<String, CountDownLatch> GROUPS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "meets";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        if (!argument.path("group").isTextual() || !argument.path("size").canConvertToInt()) {
            throw new MatcherDefinitionException("meets needs {group: name, size: n}");
        }
        String group = argument.get("group").textValue();
        int size = argument.get("size").intValue();
        return new Matcher() {
            @Override
            public void check(ModelAnswer answer) {
                CountDownLatch latch = GROUPS.computeIfAbsent(group, g -> new CountDownLatch(size));
                latch.countDown();
                try {
                    if (!latch.await(10, TimeUnit.SECONDS)) {
                        throw new AssertionError("no other check of group " + group + " ran at the same time");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }

            @Override
            public String description() {
                return "meets " + group;
            }
        };
    }
}
