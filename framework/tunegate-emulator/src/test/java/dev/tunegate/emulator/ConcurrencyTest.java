package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Hundreds of slow streams at once: every one completes, and the peak shows they were concurrent. */
class ConcurrencyTest {
    @Test
    void threeHundredConcurrentStreamsAllComplete() {
        try (GeminiEmulator e = GeminiEmulator.builder()
                .streamChunkTokens(20)
                .streamChunkDelay(Duration.ofMillis(200))
                .build()
                .start()) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(e.baseUrl() + "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"contents\":[{\"parts\":[{\"text\":\"Write a story about a magic backpack.\"}]}]}"))
                    .build();
            List<CompletableFuture<HttpResponse<String>>> streams = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                streams.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> s : streams) {
                HttpResponse<String> r = s.join();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"finishReason\":\"STOP\"");
            }
            assertThat((Integer) e.stats().get("peakInFlight")).isGreaterThanOrEqualTo(200);
        }
    }
}
