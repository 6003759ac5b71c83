package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tunegate.emulator.GeminiEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Vertex AI names through the real engine, client and emulator: a tuned endpoint and a short publisher name run
 * against a standalone emulator that requires a bearer token; with a valid token every test passes, with none
 * usable the run fails once, before any call, saying how to log in.
 */
class VertexEndToEndTest {
    static final String TOKEN = "ya29.valid-test-token";

    @TempDir
    Path dir;

    private Path suite() throws IOException {
        Path file = dir.resolve("vertex.eval.yaml");
        Files.writeString(file, """
                suite: vertex
                models:
                  tuned: projects/demo/locations/us-central1/endpoints/123
                  base: publishers/google/models/gemini-2.5-flash
                cases:
                  - {id: hello, prompt: "Say hello", expect: [{finishReason: STOP}]}
                  - {id: thanks, prompt: "Say thank you", expect: [{finishReason: STOP}]}
                """);
        return file;
    }

    private static GeminiEmulator emulator() {
        return GeminiEmulator.builder()
                .port(0)
                .requireBearer(TOKEN)
                .deploy("123", "models/gemini-1.5-flash-001")
                .build()
                .start();
    }

    private EngineExecutionResults run(GeminiEmulator emulator, Path credentials) throws IOException {
        return EngineTestKit.engine("tunegate")
                .selectors(selectFile(suite().toFile()))
                .configurationParameter("tunegate.endpoint", emulator.baseUrl())
                .configurationParameter("tunegate.vertex.endpoint", emulator.baseUrl())
                .configurationParameter("tunegate.vertex.project", "demo")
                .configurationParameter("tunegate.vertex.credentials", credentials.toString())
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("reports").toString())
                .configurationParameter("tunegate.allure.enabled", "false")
                .execute();
    }

    @Test
    void withAValidTokenEveryTestPassesAndOneTokenServesTheRun() throws IOException {
        try (GeminiEmulator emulator = emulator();
                TokenServer tokens = new TokenServer(TOKEN)) {
            EngineExecutionResults results = run(emulator, tokens.credentialsFile(dir));
            results.testEvents().assertStatistics(s -> s.succeeded(5).failed(0).aborted(0));
            assertThat(tokens.requests).as("token requests for the whole run").hasValue(1);
        }
    }

    @Test
    void withoutUsableCredentialsTheRunFailsOnceBeforeAnyCallSayingHowToLogIn() throws IOException {
        try (GeminiEmulator emulator = emulator();
                TokenServer revoked = new TokenServer(null)) {
            EngineExecutionResults results = run(emulator, revoked.credentialsFile(dir));
            results.testEvents().assertStatistics(s -> s.started(0));
            results.containerEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    container(),
                                    finishedWithFailure(message(m -> m.startsWith("HTTP 401 UNAUTHENTICATED:")
                                            && m.contains("gcloud auth application-default login")))));
            assertThat(((Number) emulator.stats().get("totalRequests")).longValue())
                    .as("requests that reached the emulator")
                    .isZero();
        }
    }

    @Test
    void aMissingCredentialsFileIsTheSameOneFailure() throws IOException {
        try (GeminiEmulator emulator = emulator()) {
            EngineExecutionResults results = run(emulator, dir.resolve("no-such-credentials.json"));
            results.testEvents().assertStatistics(s -> s.started(0));
            results.containerEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    container(),
                                    finishedWithFailure(message(m -> m.startsWith("HTTP 401 UNAUTHENTICATED:")
                                            && m.contains("no-such-credentials.json")
                                            && m.contains("gcloud auth application-default login")))));
        }
    }

    @Test
    void theEmbeddedEmulatorServesVertexNamesWithoutCredentialsAndAnOverriddenTunedVariantIsNotTuned()
            throws IOException {
        Files.writeString(
                dir.resolve("train.jsonl"),
                "{\"textInput\": \"hi\", \"output\": \"hello\"}\n{\"textInput\": \"bye\", \"output\": \"goodbye\"}\n");
        Path suite = Files.writeString(dir.resolve("embedded.eval.yaml"), """
                suite: embedded-vertex
                models:
                  base: publishers/google/models/gemini-2.5-flash
                  tuned:
                    model: tunedModels/never-tuned
                    tune: {baseModel: models/gemini-1.5-flash-001-tuning, trainingData: train.jsonl}
                cases:
                  - {id: hello, prompt: "Say hello", expect: [{finishReason: STOP}]}
                """);
        EngineExecutionResults results = EngineTestKit.engine("tunegate")
                .selectors(selectFile(suite.toFile()))
                .configurationParameter("tunegate.emulator.deploy", "123=models/gemini-1.5-flash-001")
                .configurationParameter("tunegate.model.tuned", "projects/demo/locations/us-central1/endpoints/123")
                .configurationParameter("tunegate.project-root", dir.toString())
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("reports").toString())
                .configurationParameter("tunegate.allure.enabled", "false")
                .execute();
        results.testEvents().assertStatistics(s -> s.failed(0).aborted(0));
        assertThat(results.testEvents().succeeded().count())
                .as("both variants answered")
                .isGreaterThanOrEqualTo(2);
    }
}
