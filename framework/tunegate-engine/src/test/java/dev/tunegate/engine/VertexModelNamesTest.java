package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Every model name form a variant (or {@code tunegate.model.<variant>}) may use is accepted at discovery and called
 * as written; a name that is none of them, or a short Vertex name nothing completes, is a discovery issue at the
 * variant's line.
 */
class VertexModelNamesTest {

    @TempDir
    Path dir;

    private Path suite(String models) throws IOException {
        Path file = dir.resolve("names.eval.yaml");
        Files.writeString(file, "suite: names\nmodels:\n" + models + "cases:\n  - {id: a, prompt: hi}\n");
        return file;
    }

    private static EngineTestKit.Builder kit(FakeGateway gateway, Path suite, Map<String, String> config) {
        EngineTestKit.Builder kit = EngineTestKit.engine(new TuneGateTestEngine(gateway.factory()))
                .selectors(selectFile(suite.toFile()))
                .configurationParameter("tunegate.reports.enabled", "false")
                .configurationParameter("tunegate.allure.enabled", "false");
        config.forEach(kit::configurationParameter);
        return kit;
    }

    @Test
    void everyFormRunsAndIsCalledAsWritten() throws IOException {
        Path suite = suite("""
                  gemini: models/gemini-1.5-flash-001
                  tunedGemini: tunedModels/support-v2
                  endpoint: projects/demo/locations/us-central1/endpoints/123
                  publisher: projects/demo/locations/global/publishers/google/models/gemini-2.5-flash
                  short: publishers/google/models/gemini-2.5-pro
                  resource: projects/demo/locations/us-central1/models/77@2
                """);
        FakeGateway gateway = new FakeGateway(0);
        var results = kit(gateway, suite, Map.of()).execute();
        assertThat(results.testEvents().failed().count()).isZero();
        assertThat(results.testEvents().succeeded().count()).isGreaterThanOrEqualTo(6);
        assertThat(gateway.models)
                .containsExactlyInAnyOrder(
                        "models/gemini-1.5-flash-001",
                        "tunedModels/support-v2",
                        "projects/demo/locations/us-central1/endpoints/123",
                        "projects/demo/locations/global/publishers/google/models/gemini-2.5-flash",
                        "publishers/google/models/gemini-2.5-pro",
                        "projects/demo/locations/us-central1/models/77@2");
    }

    @Test
    void anOverrideThatIsNoVertexNameIsADiscoveryIssueNamingTheKey() throws IOException {
        Path suite = suite("  base: models/gemini-1.5-flash-001\n");
        List<DiscoveryIssue> issues = kit(
                        new FakeGateway(0), suite, Map.of("tunegate.model.base", "projects/demo/endpoints/9"))
                .discover()
                .getDiscoveryIssues();
        assertThat(issues)
                .anySatisfy(i -> assertThat(i.message())
                        .contains("names.eval.yaml:3")
                        .contains("tunegate.model.base='projects/demo/endpoints/9' is not a model name"));
    }

    @Test
    void anOverrideMayNameAVertexEndpoint() throws IOException {
        Path suite = suite("  base: models/gemini-1.5-flash-001\n");
        FakeGateway gateway = new FakeGateway(0);
        kit(gateway, suite, Map.of("tunegate.model.base", "projects/p/locations/europe-west4/endpoints/9"))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.failed(0));
        assertThat(gateway.models).containsExactly("projects/p/locations/europe-west4/endpoints/9");
    }

    @Test
    void aShortVertexNameNothingCompletesIsADiscoveryIssueSayingWhatToSet() throws IOException {
        Path suite = suite("  base: publishers/google/models/gemini-2.5-flash\n");
        Map<String, String> realEndpoint = Map.of("tunegate.endpoint", "https://generativelanguage.googleapis.com");
        List<DiscoveryIssue> issues =
                kit(new FakeGateway(0), suite, realEndpoint).discover().getDiscoveryIssues();
        assertThat(issues)
                .anySatisfy(i -> assertThat(i.message())
                        .contains("names.eval.yaml:3")
                        .contains("needs a Google Cloud project")
                        .contains("tunegate.vertex.project"));

        Map<String, String> withProject = Map.of(
                "tunegate.endpoint", "https://generativelanguage.googleapis.com", "tunegate.vertex.project", "demo");
        assertThat(kit(new FakeGateway(0), suite, withProject).discover().getDiscoveryIssues())
                .isEmpty();
    }

    @Test
    void aRecordingMadeInOneProjectReplaysInAnother() throws IOException {
        Path suite = suite("  tuned: projects/dev-a/locations/us-central1/endpoints/123\n");
        Path cassettes = dir.resolve("cassettes");
        FakeGateway recorder = new FakeGateway(0);
        kit(recorder, suite, Map.of("tunegate.mode", "record", "tunegate.cassettes", cassettes.toString()))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.failed(0).aborted(0));
        assertThat(recorder.calls).hasValue(1);

        FakeGateway replayer = new FakeGateway(0);
        kit(
                        replayer,
                        suite,
                        Map.of(
                                "tunegate.mode", "replay",
                                "tunegate.cassettes", cassettes.toString(),
                                "tunegate.model.tuned", "projects/dev-b/locations/us-central1/endpoints/123"))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.failed(0).aborted(0));
        assertThat(replayer.calls).as("calls that went live").hasValue(0);
    }
}
