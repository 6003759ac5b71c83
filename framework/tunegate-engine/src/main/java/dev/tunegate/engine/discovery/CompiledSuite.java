package dev.tunegate.engine.discovery;

import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.suite.EvalSuite;
import java.util.List;
import java.util.Map;

/**
 * A suite that passed every discovery check, with each case's matchers created.
 *
 * @param suite    the parsed suite
 * @param matchers per case id, the matchers of its {@code expect:} list, in order
 */
public record CompiledSuite(EvalSuite suite, Map<String, List<Matcher>> matchers) {
}
