package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Embeddings with a Vertex AI model go where the official SDK sends them in Vertex mode: {@code :predict} with
 * {@code instances[].content} (or {@code :embedContent} for newer Gemini embedding models), with the bearer token,
 * retries and the per-model batch limit; Gemini API models keep {@code batchEmbedContents}.
 */
class VertexEmbeddingsTest extends MockGemini {
    private static final String TOKEN = VertexClientTest.TOKEN;

    private GeminiClient vertexClient() {
        return track(vertexBuilder()
                .vertexProject("my-proj")
                .vertexLocation("europe-west4")
                .build());
    }

    /**
     * Answers every {@code predict} with one embedding per instance whose first value is the length of its text (so
     * that concurrent calls cannot get each other's answers), and keeps the requests.
     */
    private List<RecordedRequest> echoLengths() {
        List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                try {
                    JsonNode body = new ObjectMapper().readTree(body(request));
                    List<Double> lengths = new ArrayList<>();
                    body.path("instances")
                            .forEach(i -> lengths.add(
                                    (double) i.path("content").asText().length()));
                    return ok(predictions(lengths.stream().mapToDouble(d -> d).toArray()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return requests;
    }

    private static String predictions(double... firsts) {
        StringBuilder json = new StringBuilder("{\"predictions\":[");
        for (int i = 0; i < firsts.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"embeddings\":{\"values\":[")
                    .append(firsts[i])
                    .append(",0.5],\"statistics\":{\"token_count\":3,\"truncated\":false}}}");
        }
        return json.append("],\"metadata\":{\"billableCharacterCount\":12}}").toString();
    }

    @Test
    void aShortPublisherEmbeddingModelIsCalledThroughPredictWithInstancesAndABearerToken() {
        GeminiClient c = vertexClient();
        server.enqueue(ok(predictions(0.1, 0.2)));
        List<double[]> vectors = c.embedContentsAsync(
                        "publishers/google/models/text-embedding-005", List.of("refund policy", "shipping"))
                .join();
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget())
                .isEqualTo("/v1/projects/my-proj/locations/europe-west4/publishers/google/models/"
                        + "text-embedding-005:predict");
        assertThat(body(r)).isEqualTo("{\"instances\":[{\"content\":\"refund policy\"},{\"content\":\"shipping\"}]}");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN + "-1");
        assertThat(r.getHeaders().get("x-goog-api-key")).isNull();
        assertThat(vectors).hasSize(2);
        assertThat(vectors.get(0)).containsExactly(0.1, 0.5);
        assertThat(vectors.get(1)).containsExactly(0.2, 0.5);
    }

    @Test
    void aFullNameKeepsItsProjectAndLocationAndGeminiEmbedding001SendsOneInstancePerCall() {
        GeminiClient c = vertexClient();
        List<RecordedRequest> requests = echoLengths();
        List<double[]> vectors = c.embedContentsAsync(
                        "projects/other/locations/us-east1/publishers/google/models/gemini-embedding-001",
                        List.of("a", "bb"))
                .join();
        assertThat(requests).hasSize(2);
        assertThat(requests)
                .allSatisfy(r -> assertThat(r.getTarget())
                        .isEqualTo("/v1/projects/other/locations/us-east1/publishers/google/models/"
                                + "gemini-embedding-001:predict"));
        assertThat(requests.stream().map(MockGemini::body))
                .containsExactlyInAnyOrder(
                        "{\"instances\":[{\"content\":\"a\"}]}", "{\"instances\":[{\"content\":\"bb\"}]}");
        assertThat(vectors.stream().map(v -> v[0])).containsExactly(1.0, 2.0);
    }

    @Test
    void textEmbeddingModelsTakeAtMost250InstancesPerCallInOrder() {
        GeminiClient c = vertexClient();
        List<RecordedRequest> requests = echoLengths();
        List<String> texts =
                IntStream.range(0, 260).mapToObj(i -> "t".repeat(i + 1)).toList();
        List<double[]> vectors = c.embedContentsAsync("publishers/google/models/text-embedding-005", texts)
                .join();
        assertThat(requests.stream().map(VertexEmbeddingsTest::instances)).containsExactlyInAnyOrder(250, 10);
        assertThat(vectors.stream().map(v -> v[0]))
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 260).mapToObj(i -> (double) i).toList());
    }

    @Test
    void longTextsAreSplitSoThatAPredictCallStaysUnder20000Tokens() {
        GeminiClient c = vertexClient();
        List<RecordedRequest> requests = echoLengths();
        List<double[]> vectors = c.embedContentsAsync(
                        "publishers/google/models/text-embedding-005",
                        List.of("x".repeat(40_000), "y".repeat(30_000), "z"))
                .join();
        assertThat(requests.stream().map(VertexEmbeddingsTest::instances)).containsExactlyInAnyOrder(1, 2);
        assertThat(vectors.stream().map(v -> v[0])).containsExactly(40_000.0, 30_000.0, 1.0);
    }

    @Test
    void newerGeminiEmbeddingModelsUseEmbedContentWithOneContent() {
        GeminiClient c = vertexClient();
        server.enqueue(ok("{\"embedding\":{\"values\":[0.3,0.4]},\"usageMetadata\":{\"promptTokenCount\":2}}"));
        List<double[]> vectors = c.embedContentsAsync(
                        "publishers/google/models/gemini-embedding-2-preview", List.of("hi"))
                .join();
        RecordedRequest r = take();
        assertThat(r.getTarget())
                .isEqualTo("/v1/projects/my-proj/locations/europe-west4/publishers/google/models/"
                        + "gemini-embedding-2-preview:embedContent");
        assertThat(body(r)).isEqualTo("{\"content\":{\"parts\":[{\"text\":\"hi\"}]}}");
        assertThat(vectors.get(0)).containsExactly(0.3, 0.4);
    }

    @Test
    void predictCallsAreRetriedAndAWrongCountIsAnError() {
        GeminiClient c = vertexClient();
        server.enqueue(error(503, "UNAVAILABLE", "busy"));
        server.enqueue(ok(predictions(0.1)));
        assertThat(c.embedContentsAsync("publishers/google/models/text-embedding-005", List.of("a"))
                        .join())
                .hasSize(1);
        assertThat(c.metrics().retries()).isEqualTo(1);
        for (int i = 0; i < 5; i++) { // a short answer is retried like a broken one, up to the policy's attempts
            server.enqueue(ok(predictions(0.1)));
        }
        assertThatThrownBy(() -> c.embedContentsAsync("publishers/google/models/text-embedding-005", List.of("a", "b"))
                        .join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("predict returned 1 embeddings for 2 texts");
    }

    @Test
    void geminiApiModelsStillUseBatchEmbedContentsWithTheKey() {
        GeminiClient c = vertexClient();
        server.enqueue(ok("{\"embeddings\":[{\"values\":[0.7]}]}"));
        List<double[]> vectors =
                c.embedContentsAsync("models/text-embedding-004", List.of("a")).join();
        RecordedRequest r = take();
        assertThat(r.getTarget()).isEqualTo("/v1beta/models/text-embedding-004:batchEmbedContents");
        assertThat(body(r))
                .isEqualTo(
                        "{\"requests\":[{\"model\":\"models/text-embedding-004\",\"content\":{\"parts\":[{\"text\":\"a\"}]}}]}");
        assertThat(r.getHeaders().get("x-goog-api-key")).isEqualTo(KEY);
        assertThat(vectors.get(0)).containsExactly(0.7);
    }

    private static int instances(RecordedRequest r) {
        String body = body(r);
        return body.split("\"content\"", -1).length - 1;
    }
}
