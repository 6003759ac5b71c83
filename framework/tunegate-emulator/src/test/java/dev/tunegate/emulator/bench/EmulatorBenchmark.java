package dev.tunegate.emulator.bench;

import dev.tunegate.emulator.GeminiEmulator;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * mvn -B -o -pl framework/tunegate-emulator -am -Pbench -DskipTests verify [-Dbench.seconds=5]
 * </pre>
 * Arguments: [seconds per level (default 5)] [base URL of a running emulator (default: start one in-process)]
 * [httpclient]. By default each client is a plain blocking socket speaking HTTP/1.1 keep-alive (cheap, so
 * the figure measures the server); with {@code httpclient} each client is a java.net.http.HttpClient.
 */
public final class EmulatorBenchmark {
    private static final String BODY = "{\"contents\":[{\"parts\":[{\"text\":\"What is 2 + 2?\"}]}],"
            + "\"generationConfig\":{\"temperature\":0}}";

    private EmulatorBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean httpClient = args.length > 2 && args[2].equals("httpclient");
        GeminiEmulator emulator = null;
        String baseUrl;
        if (args.length > 1 && !args[1].equals("-")) {
            baseUrl = args[1];
        } else {
            emulator = GeminiEmulator.builder().port(0).build().start();
            baseUrl = emulator.baseUrl();
        }
        URI uri = URI.create(baseUrl + "/v1beta/models/gemini-2.0-flash:generateContent");
        System.out.printf(
                "TuneGate emulator benchmark: %s, %d s per level, %d cores, %s clients%n",
                uri, seconds, Runtime.getRuntime().availableProcessors(), httpClient ? "java.net.http" : "raw-socket");
        run(uri, 8, 3, httpClient); // warm-up
        for (int clients : new int[] {1, 8, 64}) {
            double rps = run(uri, clients, seconds, httpClient);
            System.out.printf("%3d concurrent keep-alive clients: %,10.0f generateContent requests/s%n", clients, rps);
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private static double run(URI uri, int clients, int seconds, boolean httpClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true); // a failed run must not keep the JVM alive
            return t;
        });
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> httpClient ? httpClientLoop(uri, stop) : socketLoop(uri, stop)));
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

    /** One keep-alive connection over a plain socket: write the request, read status, headers and body. */
    private static long[] socketLoop(URI uri, AtomicBoolean stop) throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n" + BODY)
                .getBytes(StandardCharsets.UTF_8);
        long ok = 0;
        long failed = 0;
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            while (!stop.get()) {
                out.write(request);
                out.flush();
                String status = line(in);
                int length = -1;
                String header;
                while (!(header = line(in)).isEmpty()) {
                    if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                if (length < 0) {
                    throw new IllegalStateException("no Content-Length in answer: " + status);
                }
                in.readNBytes(length);
                if (status.startsWith("HTTP/1.1 200")) {
                    ok++;
                } else {
                    failed++;
                }
            }
        }
        return new long[] {ok, failed};
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static long[] httpClientLoop(URI uri, AtomicBoolean stop) throws Exception {
        {
            {
                // one connection per client: each HttpClient keeps its own keep-alive connection
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BODY))
                        .build();
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
            }
        }
    }
}
