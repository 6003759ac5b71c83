package dev.tunegate.cli;

import com.google.auth.oauth2.GoogleCredentials;
import dev.tunegate.client.GeminiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How {@code tune --vertex} and {@code checkpoints} reach Vertex AI. They send to the same {@code --endpoint} as the
 * other commands: by default the local emulator (which serves the Vertex AI and Cloud Storage routes on its own port,
 * without credentials unless {@code --credentials} is given); {@code --endpoint google} is Google's
 * {@code https://{L}-aiplatform.googleapis.com} and {@code https://storage.googleapis.com} with Application Default
 * Credentials. Tokens are never options: they come from the credentials file or ADC.
 */
final class VertexOptions {
    @Option(
            names = "--project",
            paramLabel = "PROJECT",
            defaultValue = "${env:GOOGLE_CLOUD_PROJECT}",
            description = "Vertex AI: Google Cloud project (default: $GOOGLE_CLOUD_PROJECT).")
    String project;

    @Option(
            names = "--location",
            paramLabel = "LOCATION",
            defaultValue = "${env:GOOGLE_CLOUD_LOCATION:-us-central1}",
            description = "Vertex AI: location (default: $GOOGLE_CLOUD_LOCATION, else us-central1).")
    String location;

    @Option(
            names = "--credentials",
            paramLabel = "FILE",
            description = "Vertex AI: Google credentials JSON file (service-account key or authorized user); default"
                    + " Application Default Credentials with --endpoint google, none for a local emulator.")
    Path credentials;

    /** A client whose Vertex AI and Cloud Storage calls go where {@code endpoint} says. */
    GeminiClient client(EndpointOptions endpoint) {
        String base = endpoint.baseUrl();
        boolean google = base.equals(GeminiClient.DEFAULT_BASE_URL);
        GeminiClient.Builder builder = GeminiClient.builder()
                .apiKeyEnv(endpoint.apiKeyEnv)
                .operationPolling(Duration.ofMillis(200), Duration.ofSeconds(google ? 30 : 2))
                .vertexLocation(checked(location, "--location"));
        if (project != null && !project.isBlank()) {
            builder.vertexProject(checked(project, "--project"));
        }
        if (!google) {
            EndpointOptions.requireListening(base);
            builder.vertexBaseUrl(base);
        }
        if (credentials != null) {
            Path file = credentials;
            builder.vertexCredentials(() -> {
                try (InputStream in = Files.newInputStream(file)) {
                    return GoogleCredentials.fromStream(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "cannot read the Google credentials file " + file + ": " + e.getMessage(), e);
                }
            });
        } else if (!google) {
            builder.vertexWithoutCredentials();
        }
        return builder.build();
    }

    /** The project, or a usage error saying how to give one. */
    String requireProject() {
        if (project == null || project.isBlank()) {
            throw new UserInputException("Vertex AI needs a Google Cloud project: pass --project or set"
                    + " GOOGLE_CLOUD_PROJECT (any id works with the local emulator)");
        }
        return project;
    }

    private static String checked(String value, String option) {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new UserInputException(option + " is not a Google Cloud id: " + value);
        }
        return value;
    }
}
