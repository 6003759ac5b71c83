package dev.tunegate.cli.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code tunegate emulator --port 0 …} in a child JVM: its base URL, its counters and a health probe. */
final class EmulatorProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    static final ObjectMapper JSON = new ObjectMapper();

    private final JavaProcess process;
    private final String baseUrl;
    /** An HTTP/1.1 client for the emulators (requests set their own timeouts). */
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private EmulatorProcess(JavaProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts the emulator with {@code options} (e.g. fault flags) and waits until it listens. */
    static EmulatorProcess start(String classPath, Path dir, List<String> options) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("emulator", "--port", "0"));
        args.addAll(options);
        JavaProcess p = JavaProcess.start(classPath, "512m", dir, dir.resolve("emulator.log"), args);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(p.output());
            if (m.find()) {
                return new EmulatorProcess(p, m.group(1));
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        p.close();
        throw new IllegalStateException("the emulator did not start:\n" + p.output());
    }

    String baseUrl() {
        return baseUrl;
    }

    int port() {
        return URI.create(baseUrl).getPort();
    }

    JavaProcess process() {
        return process;
    }

    /** {@code GET /emulator/stats}. */
    JsonNode stats() throws IOException, InterruptedException {
        return JSON.readTree(get("/emulator/stats").body());
    }

    /** The generateContent and streamGenerateContent calls answered so far, whatever their status. */
    long generateCalls() throws IOException, InterruptedException {
        long calls = 0;
        var endpoints = stats().path("requests").fields();
        while (endpoints.hasNext()) {
            var endpoint = endpoints.next();
            if (endpoint.getKey().toLowerCase().contains("generatecontent")) {
                for (JsonNode n : endpoint.getValue()) {
                    calls += n.asLong();
                }
            }
        }
        return calls;
    }

    /** Faults injected so far, all kinds but added latency. */
    long faultsInjected() throws IOException, InterruptedException {
        long faults = 0;
        var kinds = stats().path("faultsInjected").fields();
        while (kinds.hasNext()) {
            var kind = kinds.next();
            if (!kind.getKey().equals("latency")) {
                faults += kind.getValue().asLong();
            }
        }
        return faults;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.close();
    }
}
