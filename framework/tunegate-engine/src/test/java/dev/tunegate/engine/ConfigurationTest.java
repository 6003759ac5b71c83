package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The one configuration reader, seen through discovery, and the keys' documentation. */
class ConfigurationTest {

    private static EngineDiscoveryResults discover(String key, String value) {
        return EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .selectors(selectClasspathResource(DiscoveryTest.SINGLE))
                .configurationParameter(key, value)
                .discover();
    }

    @Test
    void aMisspelledKeyIsAWarningNamingTheClosestKnownKey() {
        EngineDiscoveryResults results = discover("tunegate.varients", "alt");
        assertThat(results.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
            assertThat(issue.message()).contains("'tunegate.varients'").contains("did you mean 'tunegate.variants'?");
        });
        assertThat(DiscoveryTest.tests(results)).as("the run goes on").isNotEmpty();
    }

    @Test
    void aMisspelledKeySetAsASystemPropertyIsWarnedAboutByTheLauncher() {
        // The Launcher reads -D system properties as configuration parameters (EngineTestKit does not).
        List<DiscoveryIssue> issues = new CopyOnWriteArrayList<>();
        System.setProperty("tunegate.concurency", "4");
        try {
            LauncherFactory.create()
                    .discover(LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectClasspathResource(DiscoveryTest.SINGLE))
                            .filters(EngineFilter.includeEngines(Constants.ENGINE_ID))
                            // models/echo is the test gateways' model: replay mode asks no backend about it
                            .configurationParameter(Constants.MODE_PROPERTY_NAME, "replay")
                            .listeners(new LauncherDiscoveryListener() {
                                @Override
                                public void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
                                    issues.add(issue);
                                }
                            })
                            .build());
        } finally {
            System.clearProperty("tunegate.concurency");
        }
        assertThat(issues)
                .singleElement()
                .satisfies(issue -> assertThat(issue.message()).contains("did you mean 'tunegate.concurrency'?"));
    }

    @Test
    void knownKeysAndModelOverridesGiveNoWarning() {
        assertThat(discover("tunegate.variants", "only").getDiscoveryIssues()).isEmpty();
        assertThat(discover("tunegate.model.only", "models/other").getDiscoveryIssues())
                .isEmpty();
    }

    @Test
    void anInvalidValueIsAnErrorNamingKeyAndValue() {
        assertThat(discover("tunegate.concurrency", "many").getDiscoveryIssues())
                .singleElement()
                .satisfies(issue -> {
                    assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR);
                    assertThat(issue.message()).isEqualTo("tunegate.concurrency='many' is not a positive whole number");
                });
    }

    @Test
    void aStagingBucketIsABucketNameOrAGsUriAndNothingElse() {
        assertThat(discover("tunegate.vertex.staging-bucket", "my-bucket").getDiscoveryIssues())
                .isEmpty();
        assertThat(discover("tunegate.vertex.staging-bucket", "gs://my.bucket_1/")
                        .getDiscoveryIssues())
                .isEmpty();
        assertThat(discover("tunegate.vertex.staging-bucket", "gs://My-Bucket/data")
                        .getDiscoveryIssues())
                .singleElement()
                .satisfies(issue -> {
                    assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR);
                    assertThat(issue.message())
                            .startsWith("tunegate.vertex.staging-bucket='gs://My-Bucket/data' is not a Cloud Storage"
                                    + " bucket name");
                });
    }

    @Test
    void aKeyWrittenIntoTheEndpointIsMaskedInTheError() {
        assertThat(discover("tunegate.endpoint", "https://example.com/v1beta?key=AIzaSECRET123&alt=sse")
                        .getDiscoveryIssues())
                .singleElement()
                .satisfies(issue -> assertThat(issue.message())
                        .startsWith("tunegate.endpoint='https://example.com/v1beta?key=***&alt=***' is neither")
                        .contains("never put a key in the URL")
                        .doesNotContain("AIzaSECRET123"));
        assertThat(discover("tunegate.endpoint", "https://user:AIzaSECRET123@example.com/x")
                        .getDiscoveryIssues())
                .singleElement()
                .satisfies(issue -> assertThat(issue.message()).doesNotContain("AIzaSECRET123"));
    }

    @Test
    void everyKeyOfConstantsIsReadAndDocumentedInTheReadmeTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> keys = new ArrayList<>();
        for (Field field : Constants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_PROPERTY_NAME")) {
                keys.add((String) constant(field));
            }
        }
        assertThat(keys).hasSizeGreaterThan(25);
        assertThat(UnknownKeys.KNOWN_KEYS).containsExactlyInAnyOrderElementsOf(keys);
        for (String key : keys) {
            assertThat(readme).as("README table row for " + key).contains("| `" + key + "` |");
        }
        assertThat(readme).contains("| `" + Constants.MODEL_OVERRIDE_PREFIX + "<variant>` |");
    }

    private static Object constant(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
