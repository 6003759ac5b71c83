package dev.tunegate.engine;

import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.jupiter.JavaEvalServices;
import dev.tunegate.engine.jupiter.JavaEvalWiring;
import dev.tunegate.engine.platform.descriptor.TuneGateEngineDescriptor;
import dev.tunegate.engine.platform.descriptor.TuneGateExecutionContext;
import dev.tunegate.engine.platform.discovery.ReportedIssues;
import dev.tunegate.engine.platform.discovery.TuneGateDiscovery;
import dev.tunegate.engine.results.record.VerdictLog;
import dev.tunegate.engine.run.ClientGatewayFactory;
import dev.tunegate.engine.run.GatewayFactory;
import dev.tunegate.engine.run.ModelLookup;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * The {@code tunegate} JUnit Platform engine: discovers {@code *.eval.yaml} suites and runs every
 * case on every model variant as a JUnit test. Registered through {@code META-INF/services}; run
 * it from Maven Surefire through a {@code @Suite @IncludeEngines("tunegate")} class, from an IDE or
 * from the Console Launcher.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class TuneGateTestEngine extends HierarchicalTestEngine<TuneGateExecutionContext>
        implements JavaEvalWiring {

    private final GatewayFactory gatewayFactory;
    private final Consumer<RunWiring> customizer;

    /** The engine as the platform loads it: models reached through {@code tunegate.endpoint}. */
    public TuneGateTestEngine() {
        this(new ClientGatewayFactory());
    }

    /** An engine whose model calls go through {@code gatewayFactory} (tests and tools). */
    TuneGateTestEngine(GatewayFactory gatewayFactory) {
        this(gatewayFactory, context -> {});
    }

    /**
     * An engine whose model calls go through {@code gatewayFactory} and whose run is wired with
     * {@code customizer}'s additions (result listeners, failure policy) before anything runs.
     */
    TuneGateTestEngine(GatewayFactory gatewayFactory, Consumer<RunWiring> customizer) {
        this.gatewayFactory = gatewayFactory;
        this.customizer = customizer;
    }

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.tunegate");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("tunegate-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        TuneGateConfiguration config = ConfigurationReader.read(request.getConfigurationParameters());
        TuneGateEngineDescriptor engine = new TuneGateEngineDescriptor(uniqueId, config);
        if (!config.discoveryAsRootEngine() && isRootEngine(uniqueId)) {
            // tunegate.discovery.as-root-engine=false: suites run only nested under the suite engine, whose
            // launch reads the same parameters and reports their problems; here the engine stays out of the way.
            return engine;
        }
        DiscoveryIssueReporter issues = DiscoveryIssueReporter.deduplicating(ReportedIssues.oncePerSession(
                DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), uniqueId),
                request.getConfigurationParameters()));
        for (String problem : config.problems()) {
            issues.reportIssue(DiscoveryIssue.create(DiscoveryIssue.Severity.ERROR, problem));
        }
        for (String warning : config.warnings()) {
            issues.reportIssue(DiscoveryIssue.create(DiscoveryIssue.Severity.WARNING, warning));
        }
        // Model names are checked against the backend only when calls go to it (not through a test's gateways).
        try (ModelLookup models =
                gatewayFactory instanceof ClientGatewayFactory ? ModelLookup.of(config) : ModelLookup.none()) {
            TuneGateDiscovery.resolve(request, engine, config, issues, models);
        }
        return engine;
    }

    /**
     * True when the launcher asked this engine directly ({@code [engine:tunegate]}); nested under the
     * suite engine the id has the suite's segments before it
     * ({@code [engine:junit-platform-suite]/[suite:…]/[engine:tunegate]}).
     */
    private static boolean isRootEngine(UniqueId uniqueId) {
        return uniqueId.getSegments().size() == 1;
    }

    @Override
    protected TuneGateExecutionContext createExecutionContext(ExecutionRequest request) {
        TuneGateEngineDescriptor root = (TuneGateEngineDescriptor) request.getRootTestDescriptor();
        RunWiring wiring = new RunWiring().verdicts(VerdictLog.of(request.getStore()));
        customizer.accept(wiring);
        return wiring.build(root.config(), gatewayFactory, System.getenv(), Clock.systemUTC());
    }

    /** The services of the Java evals ({@code @TuneGateTest}) run by the Jupiter engine in this launch. */
    @Override
    @API(status = API.Status.INTERNAL, since = "0.1")
    public JavaEvalServices open(ConfigurationParameters parameters, VerdictLog.Runs verdicts) {
        RunWiring wiring = new RunWiring().verdicts(verdicts);
        customizer.accept(wiring);
        return wiring.buildJavaEvals(
                ConfigurationReader.read(parameters), gatewayFactory, System.getenv(), Clock.systemUTC());
    }
}
