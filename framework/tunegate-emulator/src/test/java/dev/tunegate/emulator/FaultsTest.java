package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.emulator.faults.FaultDecision;
import dev.tunegate.emulator.faults.FaultInjector;
import dev.tunegate.emulator.faults.FaultPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final String BODY = "{\"contents\":[{\"parts\":[{\"text\":\"Write a story about a dragon.\"}]}]}";

    private static List<Integer> statuses(GeminiEmulator emulator, int n) {
        Http http = new Http(emulator.baseUrl());
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(http.post("/v1beta/models/gemini-2.0-flash:generateContent", BODY)
                    .statusCode());
        }
        return out;
    }

    @Test
    void seededErrorRatesAreWithinTolerance() {
        FaultInjector injector = new FaultInjector(
                FaultPlan.NONE
                        .withErrorRates(0.2, 0.1, 0.1)
                        .withCutStreamRate(0.3)
                        .withSeed(7),
                0);
        int n = 10_000;
        Map<Integer, Integer> counts = new HashMap<>();
        int cuts = 0;
        for (int i = 0; i < n; i++) {
            FaultDecision d = injector.decide(null, true);
            counts.merge(d.errorStatus(), 1, Integer::sum);
            if (d.cutAfterChunks() >= 0) {
                cuts++;
            }
        }
        // binomial(10000, p): within 4 standard deviations of n*p
        assertThat(counts.get(429)).isBetween(1840, 2160);
        assertThat(counts.get(500)).isBetween(880, 1120);
        assertThat(counts.get(503)).isBetween(880, 1120);
        assertThat(counts.get(0)).isBetween(5804, 6196);
        assertThat(cuts).isBetween(2817, 3183);
    }

    @Test
    void answersOverHttpFollowTheSeededSequenceAndResetRestartsIt() {
        FaultPlan plan = FaultPlan.NONE.withErrorRates(0.2, 0.1, 0.1).withSeed(11);
        FaultInjector expected = new FaultInjector(plan, 0);
        List<Integer> expectedStatuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int status = expected.decide(null, false).errorStatus();
            expectedStatuses.add(status == 0 ? 200 : status);
        }
        try (GeminiEmulator e = GeminiEmulator.builder().faults(plan).build().start()) {
            List<Integer> first = statuses(e, 100);
            assertThat(first).isEqualTo(expectedStatuses);
            JsonNode stats =
                    Http.json(new Http(e.baseUrl()).get("/emulator/stats").body());
            assertThat(stats.at("/faultsInjected/429").asLong())
                    .isEqualTo(first.stream().filter(s -> s == 429).count());
            e.reset();
            assertThat(statuses(e, 100))
                    .as("reset restarts the seeded sequence")
                    .isEqualTo(expectedStatuses);
        }
        try (GeminiEmulator again =
                GeminiEmulator.builder().faults(plan).build().start()) {
            assertThat(statuses(again, 100)).as("same seed, same faults").isEqualTo(expectedStatuses);
        }
    }

    @Test
    void injected429CarriesRetryAfterAndRetryInfo() {
        try (GeminiEmulator e = GeminiEmulator.builder()
                .faults(FaultPlan.NONE.withRetryAfterSeconds(3))
                .build()
                .start()) {
            HttpResponse<String> r = new Http(e.baseUrl())
                    .post("/v1beta/models/gemini-2.0-flash:generateContent", BODY, "x-tunegate-fault", "429");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("retry-after")).hasValue("3");
            JsonNode error = Http.json(r.body()).path("error");
            assertThat(error.path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
            assertThat(error.at("/details/0/@type").asText()).isEqualTo("type.googleapis.com/google.rpc.RetryInfo");
            assertThat(error.at("/details/0/retryDelay").asText()).isEqualTo("3s");
            HttpResponse<String> custom = new Http(e.baseUrl())
                    .post(
                            "/v1beta/models/gemini-2.0-flash:generateContent",
                            BODY,
                            "x-tunegate-fault",
                            "429, retry-after=1");
            assertThat(custom.headers().firstValue("retry-after")).hasValue("1");
            assertThat(new Http(e.baseUrl())
                            .post("/v1beta/models/gemini-2.0-flash:generateContent", BODY, "x-tunegate-fault", "503")
                            .statusCode())
                    .isEqualTo(503);
            assertThat(new Http(e.baseUrl())
                            .post("/v1beta/models/gemini-2.0-flash:generateContent", BODY, "x-tunegate-fault", "500")
                            .statusCode())
                    .isEqualTo(500);
            HttpResponse<String> bad = new Http(e.baseUrl())
                    .post("/v1beta/models/gemini-2.0-flash:generateContent", BODY, "x-tunegate-fault", "explode");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("x-tunegate-fault");
        }
    }

    @Test
    void noneSuppressesGlobalFaultsAndLatencyIsApplied() {
        try (GeminiEmulator e = GeminiEmulator.builder()
                .faults(FaultPlan.NONE.withErrorRates(1, 0, 0))
                .build()
                .start()) {
            Http http = new Http(e.baseUrl());
            assertThat(http.post("/v1beta/models/gemini-2.0-flash:generateContent", BODY)
                            .statusCode())
                    .isEqualTo(429);
            assertThat(http.post("/v1beta/models/gemini-2.0-flash:generateContent", BODY, "x-tunegate-fault", "none")
                            .statusCode())
                    .isEqualTo(200);
            long start = System.nanoTime();
            assertThat(http.post(
                                    "/v1beta/models/gemini-2.0-flash:generateContent",
                                    BODY,
                                    "x-tunegate-fault",
                                    "none,latency=150")
                            .statusCode())
                    .isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
            assertThat(http.get("/emulator/stats").statusCode())
                    .as("admin endpoints are never faulted")
                    .isEqualTo(200);
        }
    }

    @Test
    void cutStreamsEndWithoutTheRestOfTheBody() throws Exception {
        try (GeminiEmulator e =
                GeminiEmulator.builder().streamChunkTokens(4).build().start()) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(e.baseUrl() + "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"))
                    .header("x-tunegate-fault", "cut=2")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY))
                    .build();
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
                    })
                    .isInstanceOf(IOException.class);
            // at most the 2 chunks sent before the cut (bytes in flight may be lost when the connection drops)
            assertThat(received.toString().split("\r\n\r\n").length).isBetween(1, 2);
            assertThat(received.toString()).doesNotContain("finishReason");
            Http http = new Http(e.baseUrl());
            assertThat(Http.json(http.get("/emulator/stats").body())
                            .at("/faultsInjected/cut")
                            .asInt())
                    .isEqualTo(1);
            assertThat(http.post("/v1beta/models/gemini-2.0-flash:generateContent", BODY)
                            .statusCode())
                    .as("the server lives on")
                    .isEqualTo(200);
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    @Test
    void seededCutRateCutsTheExpectedStreams() {
        FaultPlan plan = FaultPlan.NONE.withCutStreamRate(0.5).withSeed(3);
        FaultInjector expected = new FaultInjector(plan, 0);
        long expectedCuts = 0;
        for (int i = 0; i < 30; i++) {
            if (expected.decide(null, true).cutAfterChunks() >= 0) {
                expectedCuts++;
            }
        }
        try (GeminiEmulator e = GeminiEmulator.builder().faults(plan).build().start()) {
            Http http = new Http(e.baseUrl());
            long failed = 0;
            for (int i = 0; i < 30; i++) {
                try {
                    http.post("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse", BODY);
                } catch (UncheckedIOException cut) {
                    failed++;
                }
            }
            long cuts = Http.json(http.get("/emulator/stats").body())
                    .at("/faultsInjected/cut")
                    .asLong();
            assertThat(cuts).isEqualTo(expectedCuts).isEqualTo(failed);
        }
    }
}
