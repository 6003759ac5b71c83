package dev.tunegate.engine.platform.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** A launcher listener learns what a test is from the engine, not from the text of its id. */
class TuneGateTestTest {

    @Test
    void describesCaseAndGateTestsAndNothingElse() {
        TestPlan plan = LauncherFactory.create()
                .discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClasspathResource("dev/tunegate/engine/gates/repeats.eval.yaml"))
                        .filters(includeEngines("tunegate"))
                        // models/echo and models/upper are test gateways' models, not the embedded emulator's:
                        // replay mode asks the backend nothing at discovery
                        .configurationParameter("tunegate.mode", "replay")
                        .build());
        var described = plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .map(id -> TuneGateTest.describe(plan, id))
                .flatMap(Optional::stream)
                .toList();

        assertThat(described)
                .containsExactlyInAnyOrder(
                        new TuneGateTest("repeats", "upper", "base", TuneGateTest.Kind.CASE),
                        new TuneGateTest("repeats", "upper", "tuned", TuneGateTest.Kind.CASE),
                        new TuneGateTest("repeats", null, "tuned", TuneGateTest.Kind.GATE));
        TestIdentifier suite =
                plan.getChildren(plan.getRoots().iterator().next()).iterator().next();
        assertThat(TuneGateTest.describe(plan, suite)).as("a container").isEmpty();
    }
}
