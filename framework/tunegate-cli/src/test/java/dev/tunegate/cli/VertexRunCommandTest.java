package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tunegate.emulator.GeminiEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tunegate run} on Vertex AI names against a standalone emulator started with a required bearer token: a
 * valid token passes; without usable credentials the run fails once, saying how to log in, with exit code 2 like
 * every request the API rejects.
 */
class VertexRunCommandTest {
    private static final String SUITE = "src/test/resources/suites/vertex";
    private static final String TOKEN = "ya29.cli-test-token";

    @TempDir
    Path dir;

    private static GeminiEmulator emulator() {
        return GeminiEmulator.builder()
                .port(0)
                .requireBearer(TOKEN)
                .deploy("123", "models/gemini-1.5-flash-001")
                .build()
                .start();
    }

    private Cli.Result run(GeminiEmulator emulator, Path credentials) {
        return Cli.run(
                "run",
                "--reports",
                dir.resolve("reports").toString(),
                "--endpoint",
                emulator.baseUrl(),
                "-Dtunegate.vertex.endpoint=" + emulator.baseUrl(),
                "-Dtunegate.vertex.project=demo",
                "-Dtunegate.vertex.credentials=" + credentials,
                SUITE);
    }

    /** An authorized-user credentials file whose token endpoint is a local server handing out {@code TOKEN}. */
    private static HttpServer tokenServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    @Test
    void aValidTokenPasses() throws IOException {
        HttpServer tokens = tokenServer();
        try (GeminiEmulator emulator = emulator()) {
            Path credentials = Files.writeString(
                    dir.resolve("adc.json"),
                    "{\"type\":\"authorized_user\",\"client_id\":\"c\",\"client_secret\":\"s\","
                            + "\"refresh_token\":\"r\",\"token_uri\":\"http://127.0.0.1:"
                            + tokens.getAddress().getPort() + "/token\"}");
            Cli.Result result = run(emulator, credentials);
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out())
                    .containsPattern("vertex-greetings\\s+tuned\\s+2\\s+0")
                    .containsPattern("vertex-greetings\\s+base\\s+2\\s+0");
        } finally {
            tokens.stop(0);
        }
    }

    @Test
    void withoutCredentialsOneFailureSaysHowToLogInAndTheExitCodeIsTwo() {
        try (GeminiEmulator emulator = emulator()) {
            Cli.Result result = run(emulator, dir.resolve("missing-adc.json"));
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            String all = result.out() + result.err();
            assertThat(all).contains("HTTP 401 UNAUTHENTICATED").contains("gcloud auth application-default login");
            Matcher hints =
                    Pattern.compile("gcloud auth application-default login").matcher(result.out());
            assertThat(hints.results().count())
                    .as("the hint in the run's output, once: " + result)
                    .isLessThanOrEqualTo(1);
            assertThat(((Number) emulator.stats().get("totalRequests")).longValue())
                    .isZero();
        }
    }
}
