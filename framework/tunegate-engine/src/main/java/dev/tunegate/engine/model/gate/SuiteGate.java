package dev.tunegate.engine.model.gate;

import dev.tunegate.engine.config.ComparisonSettings;
import dev.tunegate.engine.model.suite.EvalSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A suite's gate policy (its {@code gate:} block, or strict mode) and the roles of its variants,
 * after the pipeline overrides {@code tunegate.gate.candidate} / {@code tunegate.gate.baseline}.
 *
 * @param policy the policy
 * @param roles  the role of every variant
 */
@API(status = API.Status.INTERNAL)
public record SuiteGate(GatePolicy policy, Roles roles) {

    /** As {@link #of(EvalSuite, ComparisonSettings, Consumer)}, ignoring warnings. */
    public static SuiteGate of(EvalSuite suite, ComparisonSettings settings) {
        return of(suite, settings, warning -> {});
    }

    /**
     * Builds the gate of a suite; throws {@link IllegalArgumentException} naming a contradiction. An
     * override naming a variant the suite does not have is not applied to that suite, with a warning
     * (one setting serves every suite of a run).
     */
    public static SuiteGate of(EvalSuite suite, ComparisonSettings settings, Consumer<String> warnings) {
        GatePolicy policy = GatePolicyReader.read(suite.gate().orElse(null));
        List<String> named = new ArrayList<>(settings.candidateOverride());
        settings.baselineOverride().ifPresent(named::add);
        List<String> missing =
                named.stream().filter(n -> !suite.variants().containsKey(n)).toList();
        if (!named.isEmpty() && missing.isEmpty()) {
            policy = policy.withOverrides(
                    settings.candidateOverride(), settings.baselineOverride().orElse(null));
        } else if (!missing.isEmpty()) {
            warnings.accept("suite " + suite.name() + " has no variant " + missing
                    + " named by tunegate.gate.candidate/tunegate.gate.baseline; it keeps its own gate");
        }
        List<VariantDeclaration> declarations = suite.variants().values().stream()
                .map(v -> new VariantDeclaration(
                        v.name(), v.role().map(Role::fromYaml).orElse(null)))
                .toList();
        return new SuiteGate(policy, RoleAssignment.assign(declarations, policy));
    }
}
