package dev.tunegate.client;

import com.sun.net.httpserver.HttpServer;
import dev.tunegate.client.model.GenerateContentRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prints how long N async generateContent calls take against a loopback JDK HttpServer (TCP_NODELAY) that
 * answers after a fixed latency, for several concurrency caps, with the ideal time N/cap x latency. Run by hand:
 * {@code mvn -B -o -q -pl framework/tunegate-client test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.tunegate.client.ClientThroughputBenchmark -Dexec.args="2000 50"}.
 */
public final class ClientThroughputBenchmark {
    private ClientThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 50;
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1024);
        byte[] body = MockGemini.HELLO.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                if (latencyMs > 0) {
                    Thread.sleep(latencyMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ExecutorService pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.start();
        try {
            String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
            System.out.printf(
                    "calls=%d serverLatency=%dms cores=%d%n",
                    calls, latencyMs, Runtime.getRuntime().availableProcessors());
            for (int cap : new int[] {1, 8, 32, 128}) {
                run(baseUrl, cap == 1 ? Math.min(calls, 200) : calls, latencyMs, cap);
            }
        } finally {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    private static void run(String baseUrl, int calls, long latencyMs, int cap) {
        try (GeminiClient client = GeminiClient.builder()
                .baseUrl(baseUrl)
                .apiKey(() -> null)
                .maxConcurrentRequests(cap)
                .build()) {
            for (int i = 0; i < 50; i++) {
                client.generateContent("gemini-2.0-flash", "warm-up");
            }
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
            double ideal = Math.ceil(calls / (double) (cap == 0 ? calls : cap)) * latencyMs;
            System.out.printf(
                    "cap=%-4s calls=%5d wall=%6d ms ideal=%6.0f ms wall-ideal per call=%.3f ms"
                            + " throughput=%7.1f calls/s p50=%d ms p99=%d ms retries=%d%n",
                    cap == 0 ? "none" : cap,
                    calls,
                    wall.toMillis(),
                    ideal,
                    (wall.toNanos() / 1e6 - ideal) / calls,
                    calls * 1000.0 / Math.max(1, wall.toMillis()),
                    latencies[calls / 2],
                    latencies[(int) (calls * 0.99)],
                    client.metrics().retries());
        }
    }
}
