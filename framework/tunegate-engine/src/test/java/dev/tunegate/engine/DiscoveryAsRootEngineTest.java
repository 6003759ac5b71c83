package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code tunegate.discovery.as-root-engine}: when an IDE runs "all tests" (or the Console Launcher
 * scans the classpath), the engine is asked to discover twice, as a root engine and nested under the
 * suite engine through the project's {@code @Suite} class. With the key {@code false} only the nested
 * discovery finds suites, so every case runs (and calls its model) once.
 */
class DiscoveryAsRootEngineTest {

    static final String KEY = Constants.DISCOVERY_AS_ROOT_ENGINE_PROPERTY_NAME;
    /** Holds only {@code once.eval.yaml} (two cases, one variant), no classes. */
    static final String PACKAGE = "dev.tunegate.engine.asroot";

    /** A project's {@code @Suite} class, as in the README. */
    @Suite
    @IncludeEngines("tunegate")
    @SelectPackages(PACKAGE)
    static class ProjectSuite {}

    static EngineTestKit.Builder rootEngine() {
        return EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()));
    }

    static EngineTestKit.Builder quiet(EngineTestKit.Builder kit) {
        return kit.configurationParameter(Constants.REPORTS_ENABLED_PROPERTY_NAME, "false")
                .configurationParameter(Constants.ALLURE_ENABLED_PROPERTY_NAME, "false");
    }

    @Test
    void asRootEngineWithTheKeyFalseTheEngineDiscoversNothing() {
        EngineDiscoveryResults byDefault = rootEngine()
                .selectors(selectPackage(PACKAGE), selectClasspathResource(DiscoveryTest.ECHO))
                .discover();
        assertThat(DiscoveryTest.tests(byDefault)).as("without the key").isNotEmpty();

        EngineDiscoveryResults off = rootEngine()
                .configurationParameter(KEY, "false")
                .selectors(selectPackage(PACKAGE), selectClasspathResource(DiscoveryTest.ECHO))
                .discover();
        assertThat(off.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(off.getDiscoveryIssues()).isEmpty();
    }

    @Test
    void asRootEngineWithTheKeyFalseNothingRunsAndNoModelIsCalled() {
        FakeGateway fake = new FakeGateway(0);
        EngineExecutionResults results = EngineTestKit.engine(new TuneGateTestEngine(fake.factory()))
                .configurationParameter(KEY, "false")
                .selectors(selectPackage(PACKAGE), selectClasspathResource(DiscoveryTest.ECHO))
                .execute();
        results.testEvents().assertStatistics(s -> s.started(0));
        results.containerEvents()
                .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        assertThat(fake.calls.get()).isZero();
    }

    @Test
    void asRootEngineWithTheKeyFalseNeitherNoSuitesFoundNorConfigurationProblemsAreReported() {
        // Left to the nested launch, which sees the same parameters; as a root engine it stays silent.
        var kit = rootEngine()
                .selectors(selectPackage("dev.tunegate.engine.nowhere"))
                .configurationParameter(Constants.CONCURRENCY_PROPERTY_NAME, "lots");
        assertThat(kit.discover().getDiscoveryIssues())
                .as("without the key")
                .extracting(DiscoveryIssue::message)
                .anyMatch(m -> m.startsWith("No evaluation suite found in package 'dev.tunegate.engine.nowhere'"))
                .contains("tunegate.concurrency='lots' is not a positive whole number");

        kit.configurationParameter(KEY, "false");
        assertThat(kit.discover().getDiscoveryIssues()).isEmpty();
        kit.execute()
                .allEvents()
                .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Test
    void anInvalidValueIsAConfigurationProblemAndTheEngineDiscoversAsByDefault() {
        EngineDiscoveryResults results = rootEngine()
                .configurationParameter(KEY, "no")
                .selectors(selectClasspathResource(DiscoveryTest.ECHO))
                .discover();
        assertThat(results.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR);
            assertThat(issue.message()).isEqualTo("tunegate.discovery.as-root-engine='no' is not true or false");
        });
        assertThat(DiscoveryTest.tests(results)).isNotEmpty();
    }

    @Test
    void nestedUnderTheSuiteEngineTheKeyFalseChangesNothing() {
        // As junit-platform.properties would set it: a configuration parameter of the launch, which the
        // suite engine passes on to its nested launch.
        EngineExecutionResults results = quiet(EngineTestKit.engine("junit-platform-suite"))
                .configurationParameter(KEY, "false")
                .selectors(selectClass(ProjectSuite.class))
                .execute();
        // 2 cases × 1 variant + the gate test of the only variant.
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        results.containerEvents().assertStatistics(s -> s.failed(0));
    }

    @Test
    void allEnginesOnAPackageAndTheSuiteClassRunEachCaseOnceWithTheKeyFalse() {
        Map<String, List<String>> runs = launchAllEngines("false");
        assertThat(runs)
                .containsOnlyKeys(
                        "[suite:classpath:/dev/tunegate/engine/asroot/once.eval.yaml]/[case:add]/[variant:flash]",
                        "[suite:classpath:/dev/tunegate/engine/asroot/once.eval.yaml]/[case:greet]/[variant:flash]",
                        "[suite:classpath:/dev/tunegate/engine/asroot/once.eval.yaml]/[gate:flash]");
        assertThat(runs).allSatisfy((test, engines) -> assertThat(engines).containsExactly("junit-platform-suite"));
    }

    @Test
    void allEnginesOnAPackageAndTheSuiteClassRunEachCaseTwiceWithTheKeyTrue() {
        // Why the key exists: by default the engine runs the suites as a root engine and again inside @Suite.
        Map<String, List<String>> runs = launchAllEngines("true");
        assertThat(runs)
                .hasSize(3)
                .allSatisfy((test, engines) ->
                        assertThat(engines).containsExactlyInAnyOrder("tunegate", "junit-platform-suite"));
    }

    /**
     * What an IDE's "run all tests" does: every engine on the classpath (Jupiter, the suite engine,
     * TuneGate), selectors for the test sources (here the package of the suites) and the {@code @Suite}
     * class. Returns, per TuneGate test (unique id below the tunegate engine), the root engine of each
     * time it finished successfully.
     */
    static Map<String, List<String>> launchAllEngines(String asRootEngine) {
        Map<String, List<String>> runs = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failures.add(identifier.getUniqueId() + ": " + result);
                }
                if (identifier.isTest()) {
                    UniqueId id = identifier.getUniqueIdObject();
                    List<UniqueId.Segment> segments = id.getSegments();
                    int engine = 0;
                    for (int i = 0; i < segments.size(); i++) {
                        if (segments.get(i).getType().equals("engine")) {
                            engine = i;
                        }
                    }
                    StringBuilder below = new StringBuilder();
                    for (UniqueId.Segment segment : segments.subList(engine + 1, segments.size())) {
                        below.append(below.length() == 0 ? "" : "/")
                                .append('[')
                                .append(segment.getType())
                                .append(':')
                                .append(segment.getValue())
                                .append(']');
                    }
                    runs.computeIfAbsent(below.toString(), k -> new ArrayList<>())
                            .add(id.getEngineId().orElseThrow());
                }
            }
        };
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectPackage(PACKAGE), selectClass(ProjectSuite.class))
                                .configurationParameter(KEY, asRootEngine)
                                .configurationParameter(Constants.REPORTS_ENABLED_PROPERTY_NAME, "false")
                                .configurationParameter(Constants.ALLURE_ENABLED_PROPERTY_NAME, "false")
                                .build(),
                        listener);
        assertThat(failures).as("tests and containers that did not succeed").isEmpty();
        return runs;
    }
}
