package dev.tunegate.engine.platform.discovery;

import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.MatcherRegistry;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.platform.descriptor.CompiledSuite;
import dev.tunegate.engine.platform.descriptor.GateTestDescriptor;
import dev.tunegate.engine.platform.descriptor.SuiteDescriptor;
import dev.tunegate.engine.platform.descriptor.TuneGateEngineDescriptor;
import dev.tunegate.engine.run.ModelLookup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.platform.commons.io.ResourceFilter;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * Builds the engine's {@link EngineDiscoveryRequestResolver}: directories → suite files; classpath
 * roots and packages → suite resources (JUnit's own resource container resolver); suite files,
 * resources, URIs and unique ids → descriptors; a warning when roots, packages, modules or
 * directories were searched and held no suite.
 */
@API(status = API.Status.INTERNAL)
public final class TuneGateDiscovery {

    private TuneGateDiscovery() {}

    public static void resolve(
            EngineDiscoveryRequest request,
            TuneGateEngineDescriptor engine,
            TuneGateConfiguration config,
            DiscoveryIssueReporter issues) {
        resolve(request, engine, config, issues, ModelLookup.none());
    }

    /** As above, asking {@code models} whether each variant's model exists (see {@link ModelExistence}). */
    public static void resolve(
            EngineDiscoveryRequest request,
            TuneGateEngineDescriptor engine,
            TuneGateConfiguration config,
            DiscoveryIssueReporter issues,
            ModelLookup models) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader()
                : TuneGateDiscovery.class.getClassLoader();
        MatcherRegistry registry = MatcherRegistry.load(loader);
        SuiteLoader suites =
                new SuiteLoader(config, registry, issues, loader, new ModelExistence(models, config, issues));
        EngineDiscoveryRequestResolver.<TuneGateEngineDescriptor>builder()
                .addResourceContainerSelectorResolver(ResourceFilter.of(r -> SuiteFiles.isSuiteName(r.getName())))
                .addSelectorResolver(new DirectoryResolver(config.projectRoot(), issues))
                .addSelectorResolver(new SuiteResolver(suites, config, issues))
                .build()
                .resolve(request, engine, issues);
        DuplicateSuiteNames.check(engine, issues, suites::namePosition);
        addGates(engine);
        NoSuitesFound.check(request, engine, issues);
    }

    /**
     * Gives every suite with a selected case the gate test of each candidate, as its last children:
     * selecting some cases (a line, the unique id of a case or test) selects the gate too, which then
     * judges those cases and says so. Gates added by the resolver come after the cases it resolved
     * first, but a later selector may add cases behind them, so every gate is moved to the end.
     */
    static void addGates(TuneGateEngineDescriptor engine) {
        for (TestDescriptor child : List.copyOf(engine.getChildren())) {
            if (!(child instanceof SuiteDescriptor suite) || suite.suite().isEmpty()) {
                continue;
            }
            Map<String, TestDescriptor> gates = new LinkedHashMap<>();
            boolean hasCases = false;
            for (TestDescriptor node : List.copyOf(suite.getChildren())) {
                if (node instanceof GateTestDescriptor gate) {
                    gates.put(gate.candidate(), gate);
                    suite.removeChild(gate);
                } else {
                    hasCases = true;
                }
            }
            CompiledSuite compiled = suite.suite().get();
            for (String candidate : compiled.gate().roles().candidates()) {
                TestDescriptor gate = gates.remove(candidate);
                if (gate == null && hasCases) {
                    gate = GateTestDescriptor.of(suite.getUniqueId(), compiled, candidate);
                }
                if (gate != null) {
                    suite.addChild(gate);
                }
            }
            gates.values().forEach(suite::addChild);
        }
    }
}
