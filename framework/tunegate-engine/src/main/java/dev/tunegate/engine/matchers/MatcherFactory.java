package dev.tunegate.engine.matchers;

import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;

/**
 * Service provider interface for matchers: one factory per YAML key. Register an implementation in
 * {@code META-INF/services/dev.tunegate.engine.matchers.MatcherFactory}; the built-in matchers are
 * registered the same way. Implementations need a public no-argument constructor.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface MatcherFactory {

    /** The YAML key of this matcher, e.g. {@code contains}. Unique across the classpath. */
    String name();

    /**
     * Validates the argument and creates the matcher. Called during discovery, so every problem with
     * the argument must be reported here rather than when the matcher runs.
     *
     * @param argument the value under the key; a {@code NullNode} when the entry has no value
     *     (e.g. {@code - isJson})
     * @param context where the suite lives, and the registry for nested matchers
     * @throws MatcherDefinitionException when the argument is invalid; its message is for suite authors
     */
    Matcher create(JsonNode argument, MatcherContext context) throws MatcherDefinitionException;
}
