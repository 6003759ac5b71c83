package dev.tunegate.engine.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How model names served by Vertex AI are called ({@code tunegate.vertex.*}).
 *
 * @param project      completes short {@code publishers/google/models/M} names
 * @param location     location of completed names (default {@code us-central1})
 * @param endpoint     base URL instead of {@code https://{L}-aiplatform.googleapis.com} (an emulator, a private endpoint)
 * @param apiVersion   {@code v1} (default) or {@code v1beta1}
 * @param credentials  a credentials JSON file (service account or authorized user) instead of Application Default
 *                     Credentials
 * @param apiKeyEnv    express mode: the environment variable holding a Vertex AI API key
 * @param quotaProject sent as {@code x-goog-user-project}
 * @param stagingBucket the Cloud Storage bucket (its bare name, without {@code gs://}) that local training files and
 *                     batch-mode input and output go to
 */
@API(status = API.Status.INTERNAL)
public record VertexConfiguration(
        Optional<String> project,
        String location,
        Optional<URI> endpoint,
        String apiVersion,
        Optional<Path> credentials,
        Optional<String> apiKeyEnv,
        Optional<String> quotaProject,
        Optional<String> stagingBucket) {

    /** The location of completed short names when none is configured. */
    public static final String DEFAULT_LOCATION = "us-central1";

    /** True when short publisher names can be called: a project to complete them, or express mode. */
    public boolean completesShortNames() {
        return project.isPresent() || apiKeyEnv.isPresent();
    }
}
