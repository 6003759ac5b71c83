package dev.tunegate.engine.platform.discovery;

import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.MatcherRegistry;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.platform.descriptor.TuneGateEngineDescriptor;
import org.apiguardian.api.API;
import org.junit.platform.commons.io.ResourceFilter;
import org.junit.platform.engine.EngineDiscoveryRequest;
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
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader()
                : TuneGateDiscovery.class.getClassLoader();
        MatcherRegistry registry = MatcherRegistry.load(loader);
        SuiteLoader suites = new SuiteLoader(config, registry, issues, loader);
        EngineDiscoveryRequestResolver.<TuneGateEngineDescriptor>builder()
                .addResourceContainerSelectorResolver(ResourceFilter.of(r -> SuiteFiles.isSuiteName(r.getName())))
                .addSelectorResolver(new DirectoryResolver(config.projectRoot(), issues))
                .addSelectorResolver(new SuiteResolver(suites, config, issues))
                .build()
                .resolve(request, engine, issues);
        DuplicateSuiteNames.check(engine, issues, suites::namePosition);
        NoSuitesFound.check(request, engine, issues);
    }
}
