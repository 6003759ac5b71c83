package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The engine under JUnit's suite engine, as Surefire users run it: Surefire hands the {@code @Suite}
 * class to every engine as a class selector (TuneGate ignores it), and the suite engine starts a
 * nested launch with the annotation's package selectors.
 */
class SuiteEngineTest {

    /** Suites where the README puts them (here: the test corpus). */
    @Suite
    @IncludeEngines("tunegate")
    @SelectPackages("dev.tunegate.engine.suites")
    static class FindsSuites {}

    /** Suites misplaced: the package holds no *.eval.yaml. */
    @Suite
    @IncludeEngines("tunegate")
    @SelectPackages("dev.tunegate.engine.nowhere")
    static class FindsNothing {}

    @Test
    void aSuiteClassWhosePackageHoldsNoSuitesGetsAWarningNamingThePackageAndWhereSuitesBelong() {
        EngineDiscoveryResults results = EngineTestKit.engine("junit-platform-suite")
                .selectors(selectClass(FindsNothing.class))
                .discover();
        assertThat(results.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
            assertThat(issue.message())
                    .startsWith("[tunegate] No evaluation suite found in package 'dev.tunegate.engine.nowhere'")
                    .contains("*.eval.yaml")
                    .contains("src/test/resources/dev/tunegate/engine/nowhere/")
                    .contains("via @Suite " + FindsNothing.class.getName());
        });
    }

    @Test
    void junitItselfFailsASuiteClassThatFoundNothing() {
        // What the warning explains: @Suite(failIfNoTests = true), JUnit's default, fails the suite class.
        EngineTestKit.engine("junit-platform-suite")
                .selectors(selectClass(FindsNothing.class))
                .execute()
                .containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(FindsNothing.class.getName()),
                                finishedWithFailure(message(m -> m.contains("did not discover any tests")))));
    }

    @Test
    void surefiresLaunchOfASuiteClassGivesNoWarningFromAnyEngine() {
        // Every engine on the test classpath gets the class selector; with warnings made critical, any
        // warning would make discovery throw.
        TestPlan plan = LauncherFactory.create()
                .discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(FindsSuites.class))
                        .configurationParameter("junit.platform.discovery.issue.severity.critical", "WARNING")
                        // models/echo and models/upper are test gateways' models, not the embedded emulator's:
                        // replay mode asks the backend nothing at discovery
                        .configurationParameter("tunegate.mode", "replay")
                        .build());
        assertThat(plan.countTestIdentifiers(t -> t.isTest() && t.getUniqueId().contains("[engine:tunegate]")))
                .as("the suites run once, inside the @Suite class")
                .isEqualTo(20);
    }
}
