package dev.tunegate.cli.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hostile and malformed requests against a standalone emulator ({@code tunegate emulator}, idle timeout
 * 2 s): mutated bodies, hostile paths and methods, extreme bodies (deep, wide, 50 MB, invalid UTF-8),
 * raw HTTP that breaks the protocol, and 600 connections that stop half-way. No answer may be a 5xx (but
 * for the 501 that the JDK's HTTP server gives an unknown {@code Transfer-Encoding}, as RFC 9112 asks),
 * every 4xx from the API must be a Google error body with its code, no request may hang, and afterwards
 * the emulator must still answer health and generate calls with nothing left in flight.
 */
final class EmulatorFuzz {
    /** Generous: a 5 MB prompt is legal (under 1M tokens) and takes seconds; on a loaded machine, tens of them. */
    private static final Duration HANG = Duration.ofSeconds(120);

    private static final int HALF_OPEN = 600;

    private final String classPath;
    private final int mutated;
    private final Map<String, LongAdder> answers = new ConcurrentSkipListMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> slowest = new AtomicReference<>("none");
    private volatile long slowestNanos;

    EmulatorFuzz(String classPath, int mutated) {
        this.classPath = classPath;
        this.mutated = mutated;
    }

    Figures run(Path work) throws Exception {
        Figures figures = new Figures("emulator fuzz (tunegate emulator --idle-timeout PT2S)");
        Path dir = Files.createDirectories(work.resolve("fuzz"));
        try (EmulatorProcess emulator =
                EmulatorProcess.start(classPath, dir, List.of("--idle-timeout", "PT2S", "--in-memory"))) {
            for (int i = 0; i < 20; i++) {
                emulator.post(
                        HostileRequests.GENERATE, "{\"contents\":[{\"parts\":[{\"text\":\"warm up " + i + "\"}]}]}");
            }
            long rssBefore = emulator.process().rssKb();
            long start = System.nanoTime();
            HostileRequests hostile = new HostileRequests(15);
            List<HostileRequests.Request> requests = new ArrayList<>();
            for (int i = 0; i < mutated; i++) {
                requests.add(hostile.mutatedBody());
            }
            for (int i = 0; i < mutated / 4; i++) {
                requests.add(hostile.hostilePath());
            }
            requests.addAll(HostileRequests.extremes());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (HostileRequests.Request r : requests) {
                    done.add(pool.submit(() -> send(emulator.baseUrl(), r)));
                }
                for (byte[] raw : hostile.rawRequests(400)) {
                    done.add(pool.submit(() -> sendRaw(emulator.port(), raw)));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            long halfOpenLeft = halfOpenConnections(emulator, figures);
            double seconds = (System.nanoTime() - start) / 1e9;

            var health = emulator.get("/emulator/health");
            var answer = emulator.post(
                    HostileRequests.GENERATE,
                    "{\"contents\":[{\"parts\":[{\"text\":\"What is 2 + 2?\"}]}],\"generationConfig\":{\"temperature\":0}}");
            JsonNode stats = emulator.stats();
            // GET /emulator/stats counts itself as in flight
            for (int i = 0; i < 60 && stats.path("inFlight").asLong() > 1; i++) {
                Thread.sleep(500); // requests whose client gave up may still be worked on
                stats = emulator.stats();
            }
            long sent = answers.values().stream().mapToLong(LongAdder::sum).sum();
            figures.add("requests sent", sent + " in " + String.format("%.1f s", seconds))
                    .add("answers", answers)
                    .add("slowest answer", slowest.get())
                    .expect("5xx answers", count("5xx"), 0)
                    .expect("hung requests (no answer in " + HANG.toSeconds() + " s)", count("hung"), 0)
                    .expect("4xx from the API without a Google error body", count("4xx without a Google error body"), 0)
                    .expect("half-sent connections open after the idle timeout", halfOpenLeft, 0)
                    .expect("health after the fuzz", health.statusCode(), 200)
                    .expect("generate after the fuzz", answer.statusCode(), 200)
                    .check(answer.body().contains("4"), "the generate answer after the fuzz says 4: " + answer.body())
                    .expect(
                            "requests in flight after the fuzz (besides the stats request)",
                            stats.path("inFlight").asLong() - 1,
                            0)
                    .add("emulator 5xx in its own stats", fiveHundreds(stats))
                    .add(
                            "emulator RSS before / after (-Xmx512m)",
                            Figures.mib(rssBefore) + " / "
                                    + Figures.mib(emulator.process().rssKb()) + ", peak "
                                    + Figures.mib(emulator.process().peakRssKb()));
            if (stats.path("inFlight").asLong() > 1) {
                Path threads = dir.resolve("emulator-threads.txt");
                new ProcessBuilder("jstack", Long.toString(emulator.process().pid()))
                        .redirectErrorStream(true)
                        .redirectOutput(threads.toFile())
                        .start()
                        .waitFor();
                figures.add("the emulator's threads", threads);
            }
            problems.stream().limit(10).forEach(p -> figures.add("example", p));
            figures.check(fiveHundreds(stats) == 0, "the emulator's stats count no 5xx");
        }
        return figures;
    }

    private void send(String baseUrl, HostileRequests.Request r) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + r.path()))
                    .timeout(HANG)
                    .header("Content-Type", "application/json")
                    .method(r.method(), HttpRequest.BodyPublishers.ofByteArray(r.body()))
                    .build();
        } catch (IllegalArgumentException notAUri) {
            tally("not sent (no valid URI)", null);
            return;
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = EmulatorProcess.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            took(System.nanoTime() - start, r);
            int status = response.statusCode();
            tally(status / 100 + "xx", status >= 500 ? describe(r) + " -> " + status + " " + response.body() : null);
            if (status >= 400 && !r.method().equals("HEAD") && !googleError(response.body(), status)) {
                tally(
                        "4xx without a Google error body",
                        describe(r) + " -> " + status + " " + shorten(response.body()));
            }
        } catch (HttpTimeoutException e) {
            tally("hung", describe(r));
        } catch (IOException e) {
            // a connection closed by the server while the body was still being sent (e.g. the 50 MB one)
            tally("connection closed", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendRaw(int port, byte[] raw) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout((int) HANG.toMillis());
            try {
                socket.getOutputStream().write(raw);
                socket.shutdownOutput();
            } catch (IOException closedWhileWriting) {
                // the server answered or closed early; read what it said
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0 && answer.size() < 64 * 1024; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                tally("hung", "raw " + shorten(new String(raw, StandardCharsets.ISO_8859_1)));
                return;
            } catch (IOException reset) {
                // reset by the server: counted by what arrived before
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            if (text.startsWith("HTTP/1.1 501") && text.contains("Unsupported Transfer-Encoding")) {
                // the JDK server's answer before any handler runs, as RFC 9112 section 6.1 asks
                tally("501 for an unknown Transfer-Encoding", null);
            } else if (text.startsWith("HTTP/1.1 ") && text.length() >= 12) {
                int status = Integer.parseInt(text.substring(9, 12));
                tally(
                        status / 100 + "xx",
                        status >= 500
                                ? "raw " + shorten(new String(raw, StandardCharsets.ISO_8859_1)) + " -> "
                                        + shorten(text)
                                : null);
            } else {
                tally("connection closed", null);
            }
        } catch (IOException e) {
            tally("connection closed", null);
        }
    }

    /** Opens half-sent requests, checks health meanwhile, and returns how many stay open past the idle timeout. */
    private long halfOpenConnections(EmulatorProcess emulator, Figures figures) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < HALF_OPEN; i++) {
                Socket s = new Socket();
                sockets.add(s);
                s.connect(new InetSocketAddress("127.0.0.1", emulator.port()), 10_000);
                s.getOutputStream()
                        .write(("POST " + HostileRequests.GENERATE
                                        + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
                                .getBytes(StandardCharsets.ISO_8859_1));
            }
            long t = System.nanoTime();
            int health = emulator.get("/emulator/health").statusCode();
            figures.expect("health while " + HALF_OPEN + " half-sent requests are open", health, 200)
                    .add("  its answer time", String.format("%.0f ms", (System.nanoTime() - t) / 1e6));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            long open = HALF_OPEN;
            while (open > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                open = sockets.stream().filter(EmulatorFuzz::stillOpen).count();
            }
            return open;
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static boolean stillOpen(Socket s) {
        if (s.isClosed()) {
            return false;
        }
        try {
            s.setSoTimeout(1);
            if (s.getInputStream().read() == -1) {
                s.close();
                return false;
            }
            return true;
        } catch (SocketTimeoutException waiting) {
            return true;
        } catch (IOException reset) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a reset socket
            }
            return false;
        }
    }

    private synchronized void took(long nanos, HostileRequests.Request r) {
        if (nanos > slowestNanos) {
            slowestNanos = nanos;
            slowest.set(String.format("%.1f s, %s", nanos / 1e9, describe(r)));
        }
    }

    private void tally(String kind, String problem) {
        answers.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (problem != null) {
            problems.add(problem);
        }
    }

    private long count(String kind) {
        LongAdder n = answers.get(kind);
        return n == null ? 0 : n.sum();
    }

    private static boolean googleError(String body, int status) {
        try {
            return EmulatorProcess.JSON
                            .readTree(body)
                            .path("error")
                            .path("code")
                            .asInt()
                    == status;
        } catch (IOException e) {
            return false;
        }
    }

    private static long fiveHundreds(JsonNode stats) {
        long n = 0;
        for (JsonNode byStatus : stats.path("requests")) {
            var statuses = byStatus.fields();
            while (statuses.hasNext()) {
                var s = statuses.next();
                if (s.getKey().startsWith("5")) {
                    n += s.getValue().asLong();
                }
            }
        }
        return n;
    }

    private static String describe(HostileRequests.Request r) {
        return r.method() + " " + shorten(r.path()) + " " + shorten(new String(r.body(), StandardCharsets.UTF_8));
    }

    private static String shorten(String text) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "… (" + text.length() + " chars)" : one;
    }
}
