package dev.tunegate.engine.platform.descriptor;

import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.EvalSuite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A suite that passed every discovery check, with each case's matchers created.
 *
 * @param suite    the parsed suite
 * @param matchers per case id, the matchers of its {@code expect:} list, in order
 * @param gate     the gate policy and the roles of the variants
 * @param casesById the cases by id
 */
@API(status = API.Status.INTERNAL)
public record CompiledSuite(
        EvalSuite suite,
        Map<String, List<Matcher>> matchers,
        dev.tunegate.engine.model.gate.SuiteGate gate,
        Map<String, EvalCase> casesById) {

    public CompiledSuite(
            EvalSuite suite, Map<String, List<Matcher>> matchers, dev.tunegate.engine.model.gate.SuiteGate gate) {
        this(suite, matchers, gate, index(suite));
    }

    private static Map<String, EvalCase> index(EvalSuite suite) {
        Map<String, EvalCase> byId = new HashMap<>(suite.cases().size() * 2);
        suite.cases().forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    /** The case with this id, if any. */
    public Optional<EvalCase> findCase(String id) {
        return Optional.ofNullable(casesById.get(id));
    }
}
