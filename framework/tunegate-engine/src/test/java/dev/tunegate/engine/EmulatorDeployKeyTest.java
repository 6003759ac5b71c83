package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code tunegate.emulator.deploy} and {@code tunegate.emulator.gcs-dir} reach the embedded emulator,
 * and a malformed deployment is a discovery error.
 */
class EmulatorDeployKeyTest {

    @Test
    void aMalformedDeploymentIsADiscoveryErrorNamingKeyAndEntry() {
        var issues = EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .selectors(selectClasspathResource(DiscoveryTest.SINGLE))
                .configurationParameter(Constants.EMULATOR_DEPLOY_PROPERTY_NAME, "123=models/gemini-1.5-flash-001,456")
                .discover()
                .getDiscoveryIssues();
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR);
            assertThat(issue.message()).startsWith("tunegate.emulator.deploy='456' is not ENDPOINT_ID=MODEL");
        });
    }

    @Test
    void theEmbeddedEmulatorIsStartedWithTheDeployments() {
        EngineExecutionResults served = run("123=models/gemini-1.5-flash-001,flash=gemini-2.5-flash");
        assertThat(served.allEvents().failed().count()).isZero();

        EngineExecutionResults refused = run("123=models/gemini-9");
        assertThat(refused.allEvents().failed().stream()
                        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                                .map(Throwable::getMessage)
                                .orElse(""))
                        .toList())
                .anySatisfy(message -> assertThat(message).contains("cannot deploy models/gemini-9 to endpoint 123"));
    }

    @Test
    void theEmbeddedEmulatorKeepsItsCloudStorageInTheGcsDir(@TempDir Path temp) {
        Path gcs = temp.resolve("emulator-gcs");
        EngineExecutionResults results = EngineTestKit.engine("tunegate")
                .selectors(selectClasspathResource("dev/tunegate/engine/e2e/vertex-deploy.eval.yaml"))
                .configurationParameter(Constants.EMULATOR_DEPLOY_PROPERTY_NAME, "123=models/gemini-1.5-flash-001")
                .configurationParameter(Constants.EMULATOR_GCS_DIR_PROPERTY_NAME, gcs.toString())
                .configurationParameter(Constants.REPORTS_ENABLED_PROPERTY_NAME, "false")
                .configurationParameter(Constants.ALLURE_ENABLED_PROPERTY_NAME, "false")
                .execute();
        assertThat(results.allEvents().failed().count()).isZero();
        assertThat(gcs).as("created by the emulator at start").isDirectory();
    }

    private static EngineExecutionResults run(String deployments) {
        return EngineTestKit.engine("tunegate")
                .selectors(selectClasspathResource("dev/tunegate/engine/e2e/vertex-deploy.eval.yaml"))
                .configurationParameter(Constants.EMULATOR_DEPLOY_PROPERTY_NAME, deployments)
                .configurationParameter(Constants.REPORTS_ENABLED_PROPERTY_NAME, "false")
                .configurationParameter(Constants.ALLURE_ENABLED_PROPERTY_NAME, "false")
                .execute();
    }
}
