package dev.tunegate.emulator.bench;

import dev.tunegate.emulator.GeminiEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prints generateContent requests/s on loopback for 1, 8 and 64 concurrent keep-alive clients (short
 * prompts). Run by hand, not as a test:
 * <pre>
 * mvn -o -q -pl framework/tunegate-emulator test-compile exec:java \
 *   -Dexec.mainClass=dev.tunegate.emulator.bench.EmulatorBenchmark -Dexec.classpathScope=test
 * </pre>
 * Arguments: [seconds per level (default 5)] [base URL of a running emulator (default: start one in-process)].
 */
public final class EmulatorBenchmark {
    private static final String BODY = "{\"contents\":[{\"parts\":[{\"text\":\"What is 2 + 2?\"}]}],"
            + "\"generationConfig\":{\"temperature\":0}}";

    private EmulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        GeminiEmulator emulator = null;
        String baseUrl;
        if (args.length > 1) {
            baseUrl = args[1];
        } else {
            emulator = GeminiEmulator.builder().port(0).build().start();
            baseUrl = emulator.baseUrl();
        }
        URI uri = URI.create(baseUrl + "/v1beta/models/gemini-2.0-flash:generateContent");
        System.out.printf("TuneGate emulator benchmark: %s, %d s per level, %d cores%n", uri, seconds,
                Runtime.getRuntime().availableProcessors());
        run(uri, 8, 2); // warm-up
        for (int clients : new int[] {1, 8, 64}) {
            double rps = run(uri, clients, seconds);
            System.out.printf("%3d concurrent keep-alive clients: %,10.0f generateContent requests/s%n", clients, rps);
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private static double run(URI uri, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                // one connection per client: each HttpClient keeps its own keep-alive connection
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
                long ok = 0;
                long failed = 0;
                while (!stop.get()) {
                    HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() == 200) {
                        ok++;
                    } else {
                        failed++;
                    }
                }
                return new long[] {ok, failed};
            }));
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long ok = 0;
        long failed = 0;
        for (Future<long[]> f : results) {
            long[] r = f.get();
            ok += r[0];
            failed += r[1];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (failed > 0) {
            System.out.printf("    (%d non-200 answers)%n", failed);
        }
        return ok / elapsed;
    }
}
