package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ClientException;
import com.google.genai.types.AdapterSize;
import com.google.genai.types.ContentEmbedding;
import com.google.genai.types.CreateTuningJobConfig;
import com.google.genai.types.EmbedContentConfig;
import com.google.genai.types.EmbedContentResponse;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.JobState;
import com.google.genai.types.Model;
import com.google.genai.types.TunedModel;
import com.google.genai.types.TunedModelCheckpoint;
import com.google.genai.types.TuningDataset;
import com.google.genai.types.TuningJob;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Java SDK ({@code com.google.genai:google-genai}) works against the standalone emulator
 * unchanged: in Vertex AI mode (project, location, OAuth credentials, its default API version
 * {@code v1beta1}) on a publisher model and a deployed endpoint, a supervised tuning job from a
 * {@code gs://} dataset (uploaded to the emulator's Cloud Storage first) whose checkpoints' endpoints all
 * answer, {@code models.embedContent} ({@code :predict} for {@code text-embedding-005} and
 * {@code gemini-embedding-001}, {@code :embedContent} for newer Gemini embedding models), and in Gemini API mode with
 * its default API version ({@code v1}).
 */
class OfficialJavaSdkTest {
    private static final String TOKEN = "ya29.sdk-test-token";
    private static final String ENDPOINT = "projects/demo/locations/us-central1/endpoints/123";
    private static final GenerateContentConfig TEMPERATURE_0 =
            GenerateContentConfig.builder().temperature(0f).build();

    @TempDir
    static Path gcs;

    static GeminiEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = EmulatorMain.configure(
                        new String[] {
                            "--port",
                            "0",
                            "--in-memory",
                            "--require-bearer",
                            TOKEN,
                            "--deploy",
                            "123=gemini-1.5-flash-001",
                            "--gcs-dir",
                            gcs.toString(),
                            "--tuning-step-ms",
                            "0"
                        },
                        System.out)
                .start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Client vertex(String token) {
        return Client.builder()
                .vertexAI(true)
                .project("demo")
                .location("us-central1")
                .credentials(GoogleCredentials.create(
                        new AccessToken(token, Date.from(Instant.now().plusSeconds(3600)))))
                .httpOptions(HttpOptions.builder().baseUrl(emulator.baseUrl()).build())
                .build();
    }

    private static Client gemini() {
        return Client.builder()
                .apiKey("any-key")
                .httpOptions(HttpOptions.builder().baseUrl(emulator.baseUrl()).build())
                .build();
    }

    @Test
    void vertexModeGeneratesFromAPublisherModel() {
        try (Client client = vertex(TOKEN)) {
            GenerateContentResponse r =
                    client.models.generateContent("gemini-2.5-flash", "What is 2 + 2?", TEMPERATURE_0);
            assertThat(r.text()).isEqualTo("2 + 2 = 4");
            assertThat(r.modelVersion()).hasValue("gemini-2.5-flash");
            assertThat(r.createTime()).isPresent();
            assertThat(r.responseId()).isPresent();
            assertThat(r.usageMetadata().flatMap(u -> u.totalTokenCount()))
                    .hasValueSatisfying(n -> assertThat(n).isPositive());
        }
    }

    @Test
    void vertexModeGeneratesAndStreamsFromADeployedEndpoint() {
        try (Client client = vertex(TOKEN)) {
            assertThat(client.models
                            .generateContent(ENDPOINT, "What is 2 + 2?", TEMPERATURE_0)
                            .text())
                    .isEqualTo("2 + 2 = 4");
            StringBuilder text = new StringBuilder();
            int chunks = 0;
            try (ResponseStream<GenerateContentResponse> stream =
                    client.models.generateContentStream(ENDPOINT, "List 5 popular cookie recipes", TEMPERATURE_0)) {
                for (GenerateContentResponse chunk : stream) {
                    text.append(chunk.text());
                    chunks++;
                }
            }
            assertThat(chunks).isGreaterThan(1);
            assertThat(text.toString()).startsWith("Here are 5 cookie recipes:");
        }
    }

    @Test
    void vertexModeEmbedsThroughPredictAndEmbedContentWithTheSameVectorsAsTheGeminiApi() {
        List<String> texts = List.of("We will refund your order", "The capital of France is Paris");
        try (Client client = vertex(TOKEN);
                Client gemini = gemini()) {
            EmbedContentResponse predicted = client.models.embedContent(
                    "text-embedding-005",
                    texts,
                    EmbedContentConfig.builder().taskType("SEMANTIC_SIMILARITY").build());
            List<ContentEmbedding> embeddings = predicted.embeddings().orElseThrow();
            assertThat(embeddings).hasSize(2);
            assertThat(embeddings.get(0).statistics().flatMap(s -> s.tokenCount()))
                    .hasValue(5f);
            assertThat(embeddings.get(0).statistics().flatMap(s -> s.truncated()))
                    .hasValue(false);
            assertThat(predicted.metadata().flatMap(m -> m.billableCharacterCount()))
                    .hasValue(46);

            List<Float> fromGemini = gemini.models
                    .embedContent("text-embedding-004", texts.get(0), null)
                    .embeddings()
                    .orElseThrow()
                    .get(0)
                    .values()
                    .orElseThrow();
            assertThat(embeddings.get(0).values()).hasValue(fromGemini);

            EmbedContentResponse one = client.models.embedContent(
                    "gemini-embedding-001",
                    texts.get(0),
                    EmbedContentConfig.builder().outputDimensionality(64).build());
            assertThat(one.embeddings().orElseThrow().get(0).values().orElseThrow())
                    .hasSize(64);

            EmbedContentResponse newer = client.models.embedContent("gemini-embedding-2-preview", texts.get(0), null);
            assertThat(newer.embeddings().orElseThrow().get(0).values()).hasValue(fromGemini);
        }
    }

    @Test
    void vertexModeGetsAPublisherModel() {
        try (Client client = vertex(TOKEN)) {
            Model model = client.models.get("gemini-2.5-pro", null);
            assertThat(model.name()).hasValue("publishers/google/models/gemini-2.5-pro");
        }
    }

    @Test
    void vertexModeWithAWrongTokenGetsTheEmulatorsPermissionDenied() {
        try (Client client = vertex("ya29.wrong")) {
            assertThatThrownBy(() -> client.models.generateContent(ENDPOINT, "hi", null))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.code()).isEqualTo(403);
                        assertThat(e.status()).isEqualTo("PERMISSION_DENIED");
                    });
        }
    }

    @Test
    void vertexModeTunesFromAGcsDatasetAndEveryCheckpointsEndpointAnswers() throws Exception {
        byte[] jsonl = Files.readAllBytes(
                Path.of("../../example-suites/src/test/resources/suites/data/skyline-support.train.jsonl"));
        HttpResponse<String> upload = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                emulator.baseUrl()
                                                        + "/upload/storage/v1/b/sdk-tuning/o?uploadType=media&name=skyline%2Ftrain.jsonl"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/jsonl")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonl))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);

        try (Client client = vertex(TOKEN)) {
            TuningJob created = client.tunings.tune(
                    "gemini-2.5-flash",
                    TuningDataset.builder()
                            .gcsUri("gs://sdk-tuning/skyline/train.jsonl")
                            .build(),
                    CreateTuningJobConfig.builder()
                            .epochCount(4)
                            .learningRateMultiplier(2f)
                            .adapterSize(new AdapterSize(AdapterSize.Known.ADAPTER_SIZE_FOUR))
                            .tunedModelDisplayName("skyline support")
                            .build());
            String name = created.name().orElseThrow();
            assertThat(name).startsWith("projects/demo/locations/us-central1/tuningJobs/");
            TuningJob job = created;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (job.state()
                    .map(s -> s.knownEnum() != JobState.Known.JOB_STATE_SUCCEEDED)
                    .orElse(true)) {
                assertThat(job.state().map(JobState::toString).orElse(""))
                        .isNotIn("JOB_STATE_FAILED", "JOB_STATE_CANCELLED");
                assertThat(System.nanoTime()).as("still " + job.state()).isLessThan(deadline);
                Thread.sleep(20);
                job = client.tunings.get(name, null);
            }
            TunedModel tuned = job.tunedModel().orElseThrow();
            List<TunedModelCheckpoint> checkpoints = tuned.checkpoints().orElseThrow();
            assertThat(checkpoints).hasSize(4);
            assertThat(checkpoints.get(3).epoch()).hasValue(4L);
            assertThat(tuned.endpoint()).isEqualTo(checkpoints.get(3).endpoint());
            String question = "How do I reset my Skyline thermostat?";
            for (TunedModelCheckpoint checkpoint : checkpoints) {
                GenerateContentResponse r =
                        client.models.generateContent(checkpoint.endpoint().orElseThrow(), question, TEMPERATURE_0);
                assertThat(r.text())
                        .as("checkpoint " + checkpoint.checkpointId())
                        .isNotBlank();
            }
            assertThat(client.models
                            .generateContent(tuned.endpoint().orElseThrow(), question, TEMPERATURE_0)
                            .text())
                    .startsWith("Hold the Skyline dial down");
            Model model = client.models.get(tuned.model().orElseThrow(), null);
            assertThat(model.displayName()).hasValue("skyline support");
        }
    }

    @Test
    void geminiModeWithTheDefaultApiVersionGeneratesAndStreams() {
        try (Client client = gemini()) {
            assertThat(client.models
                            .generateContent("gemini-2.5-flash", "What is 2 + 2?", TEMPERATURE_0)
                            .text())
                    .isEqualTo("2 + 2 = 4");
            StringBuilder text = new StringBuilder();
            try (ResponseStream<GenerateContentResponse> stream = client.models.generateContentStream(
                    "gemini-2.5-flash", "List 5 popular cookie recipes", TEMPERATURE_0)) {
                stream.forEach(chunk -> text.append(chunk.text()));
            }
            assertThat(text.toString()).startsWith("Here are 5 cookie recipes:");
            assertThat(client.models.get("gemini-2.5-flash-lite", null).name())
                    .hasValue("models/gemini-2.5-flash-lite");
        }
    }
}
