package dev.tunegate.engine.platform.discovery;

import dev.tunegate.engine.config.ClosestName;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.model.gate.Freezing;
import dev.tunegate.engine.model.gate.Role;
import dev.tunegate.engine.model.gate.Roles;
import dev.tunegate.engine.model.gate.SuiteGate;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.SuiteProblem;
import dev.tunegate.engine.run.ModelLookup;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Finds, at discovery, well-formed model names the backend does not know (a typo in a suite or in
 * {@code tunegate.model.<variant>}), so that such a suite fails once with one message naming the variant,
 * the model and where the name came from, instead of every test failing with HTTP 404 at run time. Only
 * selected variants without a {@code tune:} block are checked (a tune block creates its model), and no frozen
 * variant (answered only from recordings: its model may no longer exist). A backend
 * that refuses the lookup (HTTP 401/403: no or a wrong key) is one ERROR issue of the run, reported once,
 * after which nothing more is asked.
 */
final class ModelExistence {

    private final ModelLookup lookup;
    private final TuneGateConfiguration config;
    private final DiscoveryIssueReporter issues;
    private boolean rejected;

    ModelExistence(ModelLookup lookup, TuneGateConfiguration config, DiscoveryIssueReporter issues) {
        this.lookup = lookup;
        this.config = config;
        this.issues = issues;
    }

    /** A problem at the variant's line for each selected variant of {@code suite} whose model does not exist. */
    synchronized List<SuiteProblem> problems(EvalSuite suite) {
        List<SuiteProblem> problems = new ArrayList<>();
        Roles roles;
        try {
            roles = SuiteGate.of(suite, config.comparison()).roles();
        } catch (IllegalArgumentException e) {
            roles = null; // the gate's contradiction is reported elsewhere
        }
        for (ModelVariant variant : suite.variants().values()) {
            Role role = roles == null ? null : roles.of(variant.name());
            if (rejected
                    || variant.tune().isPresent()
                    || Freezing.frozen(variant, role, config.comparison())
                    || variant.vertexTuning()
                    || variant.checkpoint().isPresent()
                    || config.variants().map(v -> !v.contains(variant.name())).orElse(false)) {
                continue;
            }
            ModelLookup.Answer answer = lookup.check(variant.model());
            if (answer.kind() == ModelLookup.Kind.REJECTED) {
                rejected = true;
                issues.reportIssue(DiscoveryIssue.create(
                        DiscoveryIssue.Severity.ERROR,
                        lookup.where() + " refused to look up model '" + variant.model() + "' (" + answer.detail()
                                + "): no model can be called. Set the API key in the environment variable "
                                + config.apiKeyEnv() + " (named by tunegate.api-key.env), or check that it is valid"
                                + " for this endpoint"));
            } else if (answer.kind() == ModelLookup.Kind.MISSING) {
                problems.add(new SuiteProblem(suite.location(), variant.position(), message(variant, answer)));
            }
        }
        return problems;
    }

    private String message(ModelVariant variant, ModelLookup.Answer answer) {
        String key = "tunegate.model." + variant.name();
        String source = config.comparison().modelOverrides().containsKey(variant.name())
                ? "set by " + key
                : "written in the suite; " + key + " can override it";
        String hint = ClosestName.to(variant.model(), answer.known())
                .map(name -> " (did you mean '" + name + "'?)")
                .orElse("");
        return "variant '" + variant.name() + "': model '" + variant.model() + "' (" + source + ") does not exist at "
                + lookup.where() + hint + ": " + answer.detail();
    }
}
