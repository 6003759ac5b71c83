package dev.tunegate.client;

import dev.tunegate.client.model.GenerateContentRequest;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Prints how long N async generateContent calls take against a loopback server answering after a fixed
 * latency, for several concurrency caps. Run by hand:
 * {@code mvn -B -o -q -pl framework/tunegate-client exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.tunegate.client.ClientThroughputBenchmark -Dexec.args="400 100"}.
 */
public final class ClientThroughputBenchmark {
    private ClientThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 100;
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    Thread.sleep(latencyMs);
                    return MockGemini.ok(MockGemini.HELLO);
                }
            });
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            System.out.printf("calls=%d serverLatency=%dms%n", calls, latencyMs);
            for (int cap : new int[] {8, 32, 128, 0}) {
                try (GeminiClient client = GeminiClient.builder().baseUrl("http://127.0.0.1:" + server.getPort())
                        .apiKey(() -> null).maxConcurrentRequests(cap).build()) {
                    client.generateContent("gemini-2.0-flash", "warm-up");
                    long start = System.nanoTime();
                    List<CompletableFuture<GenerateContentResult>> futures = new ArrayList<>();
                    for (int i = 0; i < calls; i++) {
                        futures.add(client.generateContentAsync("gemini-2.0-flash", GenerateContentRequest.of("q" + i)));
                    }
                    long[] latencies = new long[calls];
                    for (int i = 0; i < calls; i++) {
                        latencies[i] = futures.get(i).join().latency().toMillis();
                    }
                    Duration wall = Duration.ofNanos(System.nanoTime() - start);
                    Arrays.sort(latencies);
                    System.out.printf("cap=%-4s wall=%5d ms  throughput=%7.1f calls/s  p50=%d ms p99=%d ms%n",
                            cap == 0 ? "none" : cap, wall.toMillis(), calls * 1000.0 / wall.toMillis(),
                            latencies[calls / 2], latencies[(int) (calls * 0.99)]);
                }
            }
        }
    }
}
