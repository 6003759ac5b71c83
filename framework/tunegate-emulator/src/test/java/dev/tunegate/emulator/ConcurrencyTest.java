package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunegate.emulator.generation.Answer;
import dev.tunegate.emulator.generation.Answerer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of streams at once: every one completes, and the peak shows they were concurrent. Each request is
 * held in the answerer until all 300 have arrived (no sleeps), so the peak does not depend on how fast a loaded
 * machine opens connections; if the server serialised requests, the latch would time out and the peak stay low.
 */
class ConcurrencyTest {
    private static final int STREAMS = 300;

    @Test
    void threeHundredConcurrentStreamsAllComplete() {
        CountDownLatch allArrived = new CountDownLatch(STREAMS);
        Answerer heldUntilAllArrive = prompt -> {
            allArrived.countDown();
            try {
                allArrived.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return Answer.text("Once upon a time a magic backpack carried every story home, one page at a time.");
        };
        try (GeminiEmulator e = GeminiEmulator.builder()
                .baseAnswerer(heldUntilAllArrive)
                .streamChunkTokens(5)
                .streamChunkDelay(Duration.ofMillis(20))
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
            for (int i = 0; i < STREAMS; i++) {
                streams.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> s : streams) {
                HttpResponse<String> r = s.join();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"finishReason\":\"STOP\"");
            }
            assertThat((Integer) e.stats().get("peakInFlight")).isEqualTo(STREAMS);
        }
    }
}
