package dev.tunegate.cli;

import dev.tunegate.client.GeminiClient;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where {@code tune} and {@code models} send their requests. The default is a local emulator
 * ({@code tunegate emulator}) at {@value #DEFAULT_ENDPOINT}, so nothing reaches the real API by
 * accident; {@code --endpoint google} is the real Gemini API. The API key is only ever read from the
 * environment variable named by {@code --api-key-env}.
 */
final class EndpointOptions {
    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8089";
    static final String GOOGLE = "google";

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            defaultValue = "${env:TUNEGATE_ENDPOINT:-" + DEFAULT_ENDPOINT + "}",
            description = "Base URL of the API, or 'google' for https://generativelanguage.googleapis.com"
                    + " (default: $TUNEGATE_ENDPOINT, else " + DEFAULT_ENDPOINT + ", a local 'tunegate emulator').")
    String endpoint;

    @Option(
            names = "--api-key-env",
            paramLabel = "VAR",
            defaultValue = GeminiClient.DEFAULT_API_KEY_ENV,
            description =
                    "Environment variable holding the API key (default: ${DEFAULT-VALUE}). The key is never an option.")
    String apiKeyEnv;

    String baseUrl() {
        if (endpoint == null || endpoint.isBlank()) {
            return DEFAULT_ENDPOINT; // e.g. TUNEGATE_ENDPOINT set but empty
        }
        if (endpoint.equalsIgnoreCase(GOOGLE)) {
            return GeminiClient.DEFAULT_BASE_URL;
        }
        URI uri;
        try {
            uri = URI.create(endpoint.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--endpoint is not a URL: " + endpoint);
        }
        if (uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new UserInputException("--endpoint must be 'google' or an http(s) base URL such as "
                    + DEFAULT_ENDPOINT + ", was: " + endpoint);
        }
        String base = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return base;
    }

    GeminiClient client() {
        String baseUrl = baseUrl();
        String key = System.getenv(apiKeyEnv);
        if (baseUrl.equals(GeminiClient.DEFAULT_BASE_URL) && (key == null || key.isBlank())) {
            throw new UserInputException("The Gemini API needs a key: set the environment variable " + apiKeyEnv);
        }
        if (!baseUrl.equals(GeminiClient.DEFAULT_BASE_URL)) {
            requireListening(baseUrl);
        }
        return GeminiClient.builder()
                .baseUrl(baseUrl)
                .apiKeyEnv(apiKeyEnv)
                .operationPolling(Duration.ofMillis(200), Duration.ofSeconds(5))
                .build();
    }

    /**
     * Fails fast, with what to do, when nothing accepts connections at a local or custom endpoint,
     * instead of retrying a refused connection for seconds without a word.
     */
    static void requireListening(String baseUrl) {
        URI uri = URI.create(baseUrl);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), port), 2_000);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(
                    "nothing is listening at " + baseUrl + " (" + e.getMessage() + "). Start the emulator there"
                            + " (tunegate emulator), or pass --endpoint with the URL of a running server"
                            + " (--endpoint google for the Gemini API)",
                    e);
        }
    }
}
