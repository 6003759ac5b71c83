package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that open connections and stop half-way, and clients that send far too much: the emulator
 * closes idle connections, keeps answering healthy clients meanwhile, and answers an oversized body
 * with a Google error instead of resetting the connection.
 */
class HostileConnectionsTest {
    private static final String GENERATE =
            "{\"contents\":[{\"parts\":[{\"text\":\"What is the capital of France?\"}]}]}";

    @Test
    void sevenHundredHalfRequestsDoNotStarveHealthyClients() throws IOException {
        // a long idle timeout: the idle connections stay open while the healthy clients ask
        try (GeminiEmulator e = GeminiEmulator.builder()
                        .idleTimeout(Duration.ofMinutes(2))
                        .build()
                        .start();
                HalfRequests idle = HalfRequests.open(e.port(), 700)) {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> health = send(
                    client,
                    HttpRequest.newBuilder(URI.create(e.baseUrl() + "/emulator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> generated = send(
                    client,
                    HttpRequest.newBuilder(URI.create(e.baseUrl() + "/v1beta/models/gemini-2.0-flash:generateContent"))
                            .timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.ofString(GENERATE))
                            .build());
            assertThat(generated.statusCode()).isEqualTo(200);
            assertThat(idle.stillOpen())
                    .as("idle connections are not closed before their idle timeout")
                    .isEqualTo(700);
        }
    }

    @Test
    void aConnectionThatStopsMidRequestIsClosedAfterTheIdleTimeout() throws IOException {
        try (GeminiEmulator e = GeminiEmulator.builder()
                        .idleTimeout(Duration.ofMillis(300))
                        .build()
                        .start();
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", e.port()), 5000);
            socket.getOutputStream().write("GET /emulator/hea".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the old server kept such a connection open for minutes; the read would time out here
            socket.setSoTimeout(15_000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(new Http(e.baseUrl()).get("/emulator/health").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aBodyThatStopsHalfWayIsClosedAfterTheIdleTimeout() throws IOException {
        try (GeminiEmulator e = GeminiEmulator.builder()
                        .idleTimeout(Duration.ofMillis(300))
                        .build()
                        .start();
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", e.port()), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1beta/models/gemini-2.0-flash:generateContent HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"contents\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(15_000);
            InputStream in = socket.getInputStream();
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void aFiftyMegabyteBodyIsAnsweredWithAGoogleError() throws IOException {
        try (GeminiEmulator e = GeminiEmulator.builder().build().start()) {
            byte[] body = new byte[50 * 1024 * 1024];
            java.util.Arrays.fill(body, (byte) ' ');
            body[0] = '{';
            body[body.length - 1] = '}';
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> r = send(
                    client,
                    HttpRequest.newBuilder(URI.create(e.baseUrl() + "/v1beta/models/gemini-2.0-flash:generateContent"))
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build());
            assertThat(r.statusCode()).isEqualTo(400);
            JsonNode error = Http.JSON.readTree(r.body()).get("error");
            assertThat(error.get("code").asInt()).isEqualTo(400);
            assertThat(error.get("status").asText()).isEqualTo("INVALID_ARGUMENT");
            assertThat(error.get("message").asText()).contains("payload size exceeds the limit");
            // the connection stays usable for the next request
            assertThat(send(
                                    client,
                                    HttpRequest.newBuilder(URI.create(e.baseUrl() + "/emulator/health"))
                                            .timeout(Duration.ofSeconds(5))
                                            .GET()
                                            .build())
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aHugeDeclaredBodyIsAnsweredBeforeItIsSentAndTheConnectionClosed() throws IOException {
        try (GeminiEmulator e = GeminiEmulator.builder()
                        .idleTimeout(Duration.ofMillis(500))
                        .build()
                        .start();
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", e.port()), 5000);
            socket.getOutputStream()
                    .write(("POST /v1beta/models/gemini-2.0-flash:generateContent HTTP/1.1\r\nHost: x\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(15_000);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("connection: close")
                    .contains("\"status\": \"INVALID_ARGUMENT\"")
                    .contains("payload size exceeds the limit");
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new AssertionError(request.uri() + " failed: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Sockets that each sent half a request line and then nothing. */
    private static final class HalfRequests implements AutoCloseable {
        private final List<Socket> sockets = new ArrayList<>();

        static HalfRequests open(int port, int count) throws IOException {
            HalfRequests r = new HalfRequests();
            try {
                for (int i = 0; i < count; i++) {
                    Socket s = new Socket();
                    r.sockets.add(s);
                    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                    s.getOutputStream().write("POST /v1beta/mod".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                }
            } catch (IOException ex) {
                r.close();
                throw ex;
            }
            return r;
        }

        /** How many of the sockets the server has not closed (a read would block, not see EOF). */
        int stillOpen() throws IOException {
            int open = 0;
            for (Socket s : sockets) {
                s.setSoTimeout(1);
                try {
                    if (s.getInputStream().read() != -1) {
                        continue;
                    }
                } catch (SocketTimeoutException stillWaiting) {
                    open++;
                } catch (IOException reset) {
                    // closed by the server
                }
            }
            return open;
        }

        @Override
        public void close() {
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
