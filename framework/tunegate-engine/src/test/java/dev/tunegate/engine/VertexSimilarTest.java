package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.emulator.GeminiEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code similar} with Vertex AI embedding models, through the real engine, client and a standalone emulator that
 * requires a bearer token: the texts are embedded with {@code :predict} (never the Gemini API's
 * {@code batchEmbedContents}), the similarities reach summary.json, a replay of the recordings makes no call, and the
 * embedding calls count against the budget.
 */
class VertexSimilarTest {
    private static final String TOKEN = "ya29.embedding-test-token";
    private static final String TEXT_EMBEDDING = "publishers/google/models/text-embedding-005";
    private static final String GEMINI_EMBEDDING =
            "projects/demo/locations/us-central1/publishers/google/models/gemini-embedding-001";

    @TempDir
    Path dir;

    private Path suite(String reference) throws IOException {
        String suite = """
                suite: vertex-similar
                models:
                  flash: publishers/google/models/gemini-2.5-flash
                generationConfig: {temperature: 0}
                cases:
                  - id: capital
                    prompt: What is the capital of France?
                    expect:
                      - similar: {to: ["%s", The weather is nice], min: 0.3}
                """.formatted(reference);
        suite += """
                  - id: sum
                    prompt: What is 2 + 2?
                    expect:
                      - similar: {to: 2 + 2 = 4, min: 0.9, model: %s}
                """.formatted(GEMINI_EMBEDDING);
        return Files.writeString(dir.resolve("similar.eval.yaml"), suite);
    }

    private static GeminiEmulator emulator() {
        return GeminiEmulator.builder().port(0).requireBearer(TOKEN).build().start();
    }

    private EngineExecutionResults run(GeminiEmulator emulator, TokenServer tokens, String mode, String... more)
            throws IOException {
        var request = EngineTestKit.engine("tunegate")
                .selectors(selectFile(dir.resolve("similar.eval.yaml").toFile()))
                .configurationParameter("tunegate.endpoint", emulator.baseUrl())
                .configurationParameter("tunegate.vertex.endpoint", emulator.baseUrl())
                .configurationParameter("tunegate.vertex.project", "demo")
                .configurationParameter(
                        "tunegate.vertex.credentials",
                        tokens.credentialsFile(dir).toString())
                .configurationParameter("tunegate.embedding.model", TEXT_EMBEDDING)
                .configurationParameter("tunegate.mode", mode)
                .configurationParameter(
                        "tunegate.cassettes", dir.resolve("cassettes").toString())
                .configurationParameter("tunegate.project-root", dir.toString())
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("reports").toString())
                .configurationParameter("tunegate.allure.enabled", "false");
        for (int i = 0; i < more.length; i += 2) {
            request.configurationParameter(more[i], more[i + 1]);
        }
        return request.execute();
    }

    @Test
    void similarEmbedsThroughVertexPredictAndAReplayMakesNoCall() throws IOException {
        suite("Paris is the capital of France");
        try (GeminiEmulator emulator = emulator();
                TokenServer tokens = new TokenServer(TOKEN)) {
            EngineExecutionResults recorded = run(emulator, tokens, "record");
            recorded.testEvents().assertStatistics(s -> s.failed(0).aborted(0));
            @SuppressWarnings("unchecked")
            Map<String, Object> requests =
                    (Map<String, Object>) emulator.stats().get("requests");
            assertThat(requests.keySet())
                    .as("endpoints called")
                    .contains("vertex.publisherModels.predict")
                    .noneMatch(e -> e.contains("mbedContent"));

            List<JsonNode> similar = similarVerdicts();
            assertThat(similar).hasSize(2);
            assertThat(similar)
                    .allSatisfy(v -> assertThat(v.path("status").asText()).isEqualTo("PASS"))
                    .allSatisfy(v -> assertThat(v.path("score").isNumber()).isTrue());
            assertThat(similar.get(0).path("reasoning").asText())
                    .startsWith("cosine similarity")
                    .contains("Paris is the capital of France");

            try (Stream<Path> files = Files.walk(dir.resolve("cassettes"))) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as("one recording per embedded text, named after the predict call")
                        .anyMatch(f -> f.startsWith("text-embedding-005.predict."))
                        .anyMatch(f -> f.startsWith("gemini-embedding-001.predict."));
            }

            emulator.reset();
            EngineExecutionResults replayed = run(emulator, tokens, "replay");
            assertThat(((Number) emulator.stats().get("totalRequests")).longValue())
                    .as("HTTP requests of the replayed run: " + emulator.stats().get("requests"))
                    .isZero();
            assertThat(outcomes(replayed)).isEqualTo(outcomes(recorded));
            assertThat(similarVerdicts().stream().map(v -> v.path("score").asDouble()))
                    .containsExactlyElementsOf(similar.stream()
                            .map(v -> v.path("score").asDouble())
                            .toList());
        }
    }

    @Test
    void vertexEmbeddingCallsAreAdmittedByTheBudgetLikeEveryCall() throws IOException {
        // the model call costs 14 tokens, within 20; the embedding call is then estimated like every call (as the
        // largest so far, 14), which would exceed 20, so it is not sent and the check is not passed
        Files.writeString(dir.resolve("similar.eval.yaml"), """
                suite: vertex-budget
                models:
                  flash: publishers/google/models/gemini-2.5-flash
                generationConfig: {temperature: 0}
                cases:
                  - id: france
                    prompt: What is the capital of France?
                    expect:
                      - similar: {to: Paris is the capital of France, min: 0.0}
                """);
        try (GeminiEmulator emulator = emulator();
                TokenServer tokens = new TokenServer(TOKEN)) {
            EngineExecutionResults results =
                    run(emulator, tokens, "live", "tunegate.budget", "20 tokens", "tunegate.concurrency", "1");
            @SuppressWarnings("unchecked")
            Map<String, Object> requests =
                    (Map<String, Object>) emulator.stats().get("requests");
            assertThat(requests.keySet())
                    .as("endpoints called")
                    .contains("vertex.publisherModels.generateContent")
                    .doesNotContain("vertex.publisherModels.predict");
            assertThat(results.testEvents().succeeded().list().stream()
                            .filter(e -> e.getTestDescriptor().getDisplayName().endsWith("[flash]")))
                    .as("the check whose embedding the budget stopped")
                    .isEmpty();
            assertThat(Files.readString(dir.resolve("reports/tunegate/summary.json")))
                    .contains("tunegate.budget=20 tokens reached");
        }
    }

    private List<JsonNode> similarVerdicts() throws IOException {
        JsonNode summary = new ObjectMapper()
                .readTree(dir.resolve("reports/tunegate/summary.json").toFile());
        List<JsonNode> verdicts = new ArrayList<>();
        for (JsonNode parent : summary.findParents("matcher")) {
            if (parent.path("matcher").asText().equals("similar") && parent.has("caseId")) {
                verdicts.add(parent);
            }
        }
        verdicts.sort(
                (a, b) -> a.path("caseId").asText().compareTo(b.path("caseId").asText()));
        return verdicts;
    }

    private static Map<String, TestExecutionResult.Status> outcomes(EngineExecutionResults results) {
        Map<String, TestExecutionResult.Status> outcomes = new LinkedHashMap<>();
        for (Event e : results.testEvents().finished().list()) {
            outcomes.put(
                    e.getTestDescriptor().getDisplayName(),
                    e.getPayload(TestExecutionResult.class).orElseThrow().getStatus());
        }
        return outcomes;
    }
}
