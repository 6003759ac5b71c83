package dev.tunegate.engine;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OAuth 2 token endpoint for Google credentials files in tests: an {@code authorized_user} file whose
 * {@code token_uri} points here gets {@code token} from it (or a 400 {@code invalid_grant}, as for a revoked login,
 * when {@code token} is null). Counts the token requests.
 */
final class TokenServer implements AutoCloseable {
    final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;

    TokenServer(String token) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            int status = token == null ? 400 : 200;
            String body = token == null
                    ? "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}"
                    : "{\"access_token\":\"" + token + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Writes an {@code authorized_user} credentials file (as {@code gcloud auth application-default login} does). */
    Path credentialsFile(Path dir) throws IOException {
        Path file = dir.resolve("application_default_credentials.json");
        Files.writeString(
                file,
                "{\"type\":\"authorized_user\",\"client_id\":\"test-client.apps.googleusercontent.com\","
                        + "\"client_secret\":\"test-secret\",\"refresh_token\":\"test-refresh\","
                        + "\"token_uri\":\"http://127.0.0.1:"
                        + server.getAddress().getPort() + "/token\"}");
        return file;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
