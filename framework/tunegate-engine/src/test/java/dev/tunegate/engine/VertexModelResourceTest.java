package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A variant naming a Vertex AI tuned model resource {@code projects/P/locations/L/models/M@N} is resolved once
 * through the Models API to the endpoint of its default checkpoint, which answers; the run reports the version.
 */
class VertexModelResourceTest {
    private static final String HELLO = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hello!\"}],"
            + "\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}]}";

    @TempDir
    Path dir;

    @Test
    void theModelIsResolvedOnceAndReportedWithItsVersion() throws IOException {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer vertex = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        vertex.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            exchange.getRequestBody().readAllBytes();
            String body = path.endsWith("/models/77@2")
                    ? "{\"name\":\"projects/demo/locations/us-central1/models/77\",\"versionId\":\"2\","
                            + "\"deployedModels\":[{\"endpoint\":\"projects/demo/locations/us-central1/endpoints/555\"}]}"
                    : HELLO;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        vertex.start();
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger("dev.tunegate.engine");
        logger.addHandler(capture);
        try (TokenServer tokens = new TokenServer("ya29.resource-test")) {
            String url = "http://127.0.0.1:" + vertex.getAddress().getPort();
            Path suite = Files.writeString(dir.resolve("resource.eval.yaml"), """
                    suite: resource
                    models:
                      tuned: projects/demo/locations/us-central1/models/77@2
                    cases:
                      - {id: a, prompt: "Say hello", expect: [{contains: Hello}]}
                      - {id: b, prompt: "Say hello again", expect: [{contains: Hello}]}
                    """);
            EngineTestKit.engine("tunegate")
                    .selectors(selectFile(suite.toFile()))
                    .configurationParameter("tunegate.endpoint", url)
                    .configurationParameter("tunegate.vertex.endpoint", url)
                    .configurationParameter(
                            "tunegate.vertex.credentials",
                            tokens.credentialsFile(dir).toString())
                    .configurationParameter(
                            "tunegate.reports.dir", dir.resolve("reports").toString())
                    .configurationParameter("tunegate.allure.enabled", "false")
                    .execute()
                    .testEvents()
                    .assertStatistics(s -> s.failed(0).aborted(0));
        } finally {
            logger.removeHandler(capture);
            vertex.stop(0);
        }
        assertThat(requests)
                .containsOnlyOnce("GET /v1/projects/demo/locations/us-central1/models/77@2")
                .contains("POST /v1/projects/demo/locations/us-central1/endpoints/555:generateContent");
        assertThat(String.join("\n", logged))
                .contains("projects/demo/locations/us-central1/models/77@2 (version 2) is served by"
                        + " projects/demo/locations/us-central1/endpoints/555");
    }
}
