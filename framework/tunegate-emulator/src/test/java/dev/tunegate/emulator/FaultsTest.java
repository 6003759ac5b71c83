package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.emulator.faults.FaultPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final String BODY = "{\"contents\":[{\"parts\":[{\"text\":\"Write a story about a dragon.\"}]}]}";

    private static List<Integer> statuses(GeminiEmulator emulator, int n) {
        Http http = new Http(emulator.baseUrl());
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(http.post("/v1beta/models/gemini-2.0-flash:generateContent", BODY).statusCode());
        }
        return out;
    }

    @Test
    void seededErrorRatesAreWithinToleranceAndReproducible() {
        FaultPlan plan = FaultPlan.NONE.withErrorRates(0.2, 0.1, 0.1).withSeed(7);
        List<Integer> first;
        try (GeminiEmulator e = GeminiEmulator.builder().faults(plan).build().start()) {
            first = statuses(e, 300);
            JsonNode stats = Http.json(new Http(e.baseUrl()).get("/emulator/stats").body());
            assertThat(stats.at("/faultsInjected/429").asLong()).isEqualTo(first.stream().filter(s -> s == 429).count());
            e.reset();
            assertThat(statuses(e, 300)).as("reset restarts the seeded sequence").isEqualTo(first);
        }
        // binomial(300, p): within 4 standard deviations of n*p
        assertThat(first.stream().filter(s -> s == 429).count()).isBetween(33L, 87L);
        assertThat(first.stream().filter(s -> s == 500).count()).isBetween(9L, 51L);
        assertThat(first.stream().filter(s -> s == 503).count()).isBetween(9L, 51L);
        assertThat(first.stream().filter(s -> s == 200).count()).isBetween(146L, 214L);
        try (GeminiEmulator again = GeminiEmulator.builder().faults(plan).build().start()) {
            assertThat(statuses(again, 300)).as("same seed, same faults").isEqualTo(first);
        }
    }

    @Test
    void injected429CarriesRetryAfterAndRetryInfo() {
        try (GeminiEmulator e = GeminiEmulator.builder().faults(FaultPlan.NONE.withRetryAfterSeconds(3)).build().start()) {
            HttpResponse<String> r = new Http(e.baseUrl()).post("/v1beta/models/gemini-2.0-flash:generateContent", BODY,
                    "x-tunegate-fault", "429");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("retry-after")).hasValue("3");
            JsonNode error = Http.json(r.body()).path("error");
            assertThat(error.path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
            assertThat(error.at("/details/0/@type").asText()).isEqualTo("type.googleapis.com/google.rpc.RetryInfo");
            assertThat(error.at("/details/0/retryDelay").asText()).isEqualTo("3s");
            HttpResponse<String> custom = new Http(e.baseUrl()).post("/v1beta/models/gemini-2.0-flash:generateContent", BODY,
                    "x-tunegate-fault", "429, retry-after=1");
            assertThat(custom.headers().firstValue("retry-after")).hasValue("1");
            assertThat(new Http(e.baseUrl()).post("/v1beta/models/gemini-2.0-flash:generateContent", BODY,
                    "x-tunegate-fault", "503").statusCode()).isEqualTo(503);
            assertThat(new Http(e.baseUrl()).post("/v1beta/models/gemini-2.0-flash:generateContent", BODY,
                    "x-tunegate-fault", "500").statusCode()).isEqualTo(500);
            HttpResponse<String> bad = new Http(e.baseUrl()).post("/v1beta/models/gemini-2.0-flash:generateContent", BODY,
                    "x-tunegate-fault", "explode");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("x-tunegate-fault");
        }
    }

    @Test
    void noneSuppressesGlobalFaultsAndLatencyIsApplied() {
        try (GeminiEmulator e = GeminiEmulator.builder().faults(FaultPlan.NONE.withErrorRates(1, 0, 0)).build().start()) {
            Http http = new Http(e.baseUrl());
            assertThat(http.post("/v1beta/models/gemini-2.0-flash:generateContent", BODY).statusCode()).isEqualTo(429);
            assertThat(http.post("/v1beta/models/gemini-2.0-flash:generateContent", BODY, "x-tunegate-fault", "none")
                    .statusCode()).isEqualTo(200);
            long start = System.nanoTime();
            assertThat(http.post("/v1beta/models/gemini-2.0-flash:generateContent", BODY, "x-tunegate-fault", "none,latency=150")
                    .statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
            assertThat(http.get("/emulator/stats").statusCode()).as("admin endpoints are never faulted").isEqualTo(200);
        }
    }

    @Test
    void cutStreamsEndWithoutTheRestOfTheBody() throws Exception {
        try (GeminiEmulator e = GeminiEmulator.builder().streamChunkTokens(4).build().start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(e.baseUrl()
                            + "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"))
                    .header("x-tunegate-fault", "cut=2").POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            StringBuilder received = new StringBuilder();
            assertThatThrownBy(() -> {
                try (InputStream in = r.body()) {
                    byte[] buf = new byte[256];
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        received.append(new String(buf, 0, n));
                    }
                }
            }).isInstanceOf(IOException.class);
            // at most the 2 chunks sent before the cut (bytes in flight may be lost when the connection drops)
            assertThat(received.toString().split("\r\n\r\n").length).isBetween(1, 2);
            assertThat(received.toString()).doesNotContain("finishReason");
            Http http = new Http(e.baseUrl());
            assertThat(Http.json(http.get("/emulator/stats").body()).at("/faultsInjected/cut").asInt()).isEqualTo(1);
            assertThat(http.post("/v1beta/models/gemini-2.0-flash:generateContent", BODY).statusCode())
                    .as("the server lives on").isEqualTo(200);
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    @Test
    void seededCutRateCutsAboutThatShareOfStreams() {
        try (GeminiEmulator e = GeminiEmulator.builder().faults(FaultPlan.NONE.withCutStreamRate(0.5)).build().start()) {
            Http http = new Http(e.baseUrl());
            for (int i = 0; i < 100; i++) {
                try {
                    http.post("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse", BODY);
                } catch (UncheckedIOException expected) {
                    // a cut stream
                }
            }
            long cuts = Http.json(http.get("/emulator/stats").body()).at("/faultsInjected/cut").asLong();
            assertThat(cuts).isBetween(30L, 70L);
        }
    }
}
