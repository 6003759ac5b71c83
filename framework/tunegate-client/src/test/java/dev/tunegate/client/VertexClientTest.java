package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.tunegate.client.model.GenerateContentRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Vertex AI names go to Vertex AI with a bearer token (or an express-mode key); Gemini names stay as they were. */
class VertexClientTest extends MockGemini {
    static final String TOKEN = "ya29.test-token";

    /** Credentials handing out {@code TOKEN-n}, each valid for {@code lifetimeSeconds}, counting refreshes. */
    static final class CountingCredentials extends GoogleCredentials {
        private static final long serialVersionUID = 1L;
        final transient AtomicInteger refreshes = new AtomicInteger();
        private final long lifetimeSeconds;

        CountingCredentials(long lifetimeSeconds) {
            this.lifetimeSeconds = lifetimeSeconds;
        }

        @Override
        public AccessToken refreshAccessToken() {
            int n = refreshes.incrementAndGet();
            return new AccessToken(TOKEN + "-" + n, Date.from(Instant.now().plusSeconds(lifetimeSeconds)));
        }
    }

    GeminiClient.Builder vertex(GoogleCredentials credentials) {
        return builder().vertexBaseUrl(baseUrl()).vertexCredentials(() -> credentials);
    }

    @Test
    void anEndpointNameGoesToVertexWithABearerTokenAndNoKey() {
        GeminiClient c = track(vertex(new CountingCredentials(3600)).build());
        server.enqueue(ok(HELLO));
        assertThat(c.generateContent("projects/demo/locations/us-central1/endpoints/123", "hi")
                        .text())
                .isEqualTo("Hello!");
        RecordedRequest r = take();
        assertThat(r.getTarget()).isEqualTo("/v1/projects/demo/locations/us-central1/endpoints/123:generateContent");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN + "-1");
        assertThat(r.getHeaders().get("x-goog-api-key")).isNull();
        assertThat(body(r)).contains("\"role\":\"user\"");
    }

    @Test
    void aGeminiNameStillGoesToTheGeminiApiWithTheKey() {
        GeminiClient c = track(vertex(new CountingCredentials(3600)).build());
        server.enqueue(ok(HELLO));
        c.generateContent("models/gemini-2.0-flash", "hi");
        RecordedRequest r = take();
        assertThat(r.getTarget()).isEqualTo("/v1beta/models/gemini-2.0-flash:generateContent");
        assertThat(r.getHeaders().get("x-goog-api-key")).isEqualTo(KEY);
        assertThat(r.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aShortPublisherNameIsCompletedFromTheSettingsAndStreamsOverSse() {
        GeminiClient c = track(vertex(new CountingCredentials(3600))
                .vertexProject("my-proj")
                .vertexLocation("europe-west4")
                .vertexApiVersion("v1beta1")
                .build());
        server.enqueue(sse(chunk("Hel", null), chunk("lo", "STOP")));
        StreamedResponse s = c.streamGenerateContent(
                "publishers/google/models/gemini-2.5-flash", GenerateContentRequest.of("hi"), null);
        assertThat(s.text()).isEqualTo("Hello");
        assertThat(take().getTarget())
                .isEqualTo("/v1beta1/projects/my-proj/locations/europe-west4/publishers/google/models/"
                        + "gemini-2.5-flash:streamGenerateContent?alt=sse");
    }

    @Test
    void aShortPublisherNameWithoutAProjectIsRefusedBeforeAnyRequest() {
        GeminiClient c = track(vertex(new CountingCredentials(3600)).build());
        assertThatThrownBy(() -> c.generateContent("publishers/google/models/gemini-2.5-flash", "hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tunegate.vertex.project");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aTunedModelResourceIsResolvedOnceToItsDefaultCheckpointsEndpoint() {
        GeminiClient c = track(vertex(new CountingCredentials(3600)).build());
        server.enqueue(ok("{\"name\":\"projects/p/locations/us-central1/models/77\",\"versionId\":\"2\","
                + "\"defaultCheckpointId\":\"3\",\"deployedModels\":["
                + "{\"endpoint\":\"projects/p/locations/us-central1/endpoints/e1\",\"checkpointId\":\"1\"},"
                + "{\"endpoint\":\"projects/p/locations/us-central1/endpoints/e3\",\"checkpointId\":\"3\"}]}"));
        server.enqueue(ok(HELLO));
        server.enqueue(ok(HELLO));
        c.generateContent("projects/p/locations/us-central1/models/77@2", "hi");
        c.generateContent("projects/p/locations/us-central1/models/77@2", "again");
        assertThat(take().getTarget()).isEqualTo("/v1/projects/p/locations/us-central1/models/77@2");
        assertThat(take().getTarget()).isEqualTo("/v1/projects/p/locations/us-central1/endpoints/e3:generateContent");
        assertThat(take().getTarget()).isEqualTo("/v1/projects/p/locations/us-central1/endpoints/e3:generateContent");
        assertThat(c.resolveVertexModel("projects/p/locations/us-central1/models/77@2"))
                .isEqualTo(new VertexDeployment(
                        "projects/p/locations/us-central1/models/77@2",
                        "2",
                        "projects/p/locations/us-central1/endpoints/e3"));
    }

    @Test
    void aTunedModelDeployedNowhereIsAFailedPrecondition() {
        GeminiClient c = track(vertex(new CountingCredentials(3600)).build());
        server.enqueue(ok("{\"name\":\"projects/p/locations/l/models/77\",\"versionId\":\"1\"}"));
        GeminiApiException e =
                (GeminiApiException) catchThrowable(() -> c.generateContent("projects/p/locations/l/models/77", "hi"));
        assertThat(e.getMessage())
                .startsWith(
                        "HTTP 400 FAILED_PRECONDITION: model projects/p/locations/l/models/77" + " is not deployed");
    }

    @Test
    void expressModeSendsTheKeyAndNoProject() {
        GeminiClient c = track(builder()
                .vertexBaseUrl(baseUrl())
                .vertexApiKey(() -> "express-key")
                .build());
        server.enqueue(ok(HELLO));
        c.generateContent("publishers/google/models/gemini-2.5-flash", "hi");
        RecordedRequest r = take();
        assertThat(r.getTarget()).isEqualTo("/v1/publishers/google/models/gemini-2.5-flash:generateContent");
        assertThat(r.getHeaders().get("x-goog-api-key")).isEqualTo("express-key");
        assertThat(r.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void theQuotaProjectIsSentWhenConfigured() {
        GeminiClient c = track(vertex(new CountingCredentials(3600))
                .vertexQuotaProject("billing-proj")
                .build());
        server.enqueue(ok(HELLO));
        c.generateContent("projects/p/locations/global/endpoints/9", "hi");
        assertThat(take().getHeaders().get("x-goog-user-project")).isEqualTo("billing-proj");
    }

    @Test
    void oneTokenServesEveryCallUntilItIsAboutToExpire() {
        CountingCredentials longLived = new CountingCredentials(3600);
        GeminiClient c = track(vertex(longLived).build());
        for (int i = 0; i < 3; i++) {
            server.enqueue(ok(HELLO));
            c.generateContent("projects/p/locations/l/endpoints/1", "hi");
            assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN + "-1");
        }
        assertThat(longLived.refreshes).hasValue(1);

        // A token that expires within the library's margin (minutes) is refreshed before the next call uses it.
        CountingCredentials shortLived = new CountingCredentials(30);
        GeminiClient s = track(vertex(shortLived).build());
        server.enqueue(ok(HELLO));
        server.enqueue(ok(HELLO));
        s.generateContent("projects/p/locations/l/endpoints/1", "hi");
        s.generateContent("projects/p/locations/l/endpoints/1", "hi");
        assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN + "-1");
        assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN + "-2");
    }

    @Test
    void missingCredentialsFailEveryVertexCallAtOnceWithHowToLogInAndAreLookedForOnce() {
        AtomicInteger lookups = new AtomicInteger();
        GeminiClient c = track(builder()
                .vertexBaseUrl(baseUrl())
                .vertexCredentials(() -> {
                    lookups.incrementAndGet();
                    throw new IllegalStateException("The Application Default Credentials are not available.");
                })
                .build());
        for (int i = 0; i < 2; i++) {
            GeminiApiException e = (GeminiApiException)
                    catchThrowable(() -> c.generateContent("projects/p/locations/l/endpoints/1", "hi"));
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.getMessage())
                    .startsWith("HTTP 401 UNAUTHENTICATED: no Google credentials were found for Vertex AI")
                    .contains("gcloud auth application-default login")
                    .contains("GOOGLE_APPLICATION_CREDENTIALS");
        }
        assertThat(lookups).hasValue(1);
        assertThat(server.getRequestCount()).isZero();
        assertThat(c.metrics().retries()).isZero();
    }

    @Test
    void credentialsThatCannotBeRefreshedFailWithHowToLogIn() {
        GoogleCredentials revoked = new GoogleCredentials() {
            private static final long serialVersionUID = 1L;

            @Override
            public AccessToken refreshAccessToken() throws IOException {
                throw new IOException("invalid_grant: Token has been expired or revoked.");
            }
        };
        GeminiClient c = track(vertex(revoked).build());
        assertThatThrownBy(() -> c.generateContent("projects/p/locations/l/endpoints/1", "hi"))
                .isInstanceOf(GeminiApiException.class)
                .hasMessageStartingWith("HTTP 401 UNAUTHENTICATED: the Google credentials could not be refreshed")
                .hasMessageContaining("gcloud auth application-default login");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void vertexCallsAreRetriedAndCountedLikeGeminiCalls() {
        GeminiClient c = track(vertex(new CountingCredentials(3600)).build());
        server.enqueue(error(429, "RESOURCE_EXHAUSTED", "quota"));
        server.enqueue(error(503, "UNAVAILABLE", "busy"));
        server.enqueue(ok(HELLO));
        GenerateContentResult r =
                c.generateContentResult("projects/p/locations/l/endpoints/1", GenerateContentRequest.of("hi"));
        assertThat(r.retries()).isEqualTo(2);
        assertThat(c.metrics().attempts()).isEqualTo(3);
    }
}
