package dev.tunegate.client;

import com.google.auth.oauth2.GoogleCredentials;
import java.util.function.Supplier;

/**
 * The Vertex AI part of a {@link ClientSettings}: where Vertex names are sent and how they authenticate.
 *
 * @param project      completes short {@code publishers/google/models/M} names; null when not set
 * @param location     location of completed names (default {@value #DEFAULT_LOCATION})
 * @param baseUrl      scheme, host and port replacing {@code https://{L}-aiplatform.googleapis.com}; null for Google's
 * @param apiVersion   {@code v1} (default) or {@code v1beta1}
 * @param auth         how Vertex calls authenticate
 * @param credentials  the credentials for {@link Auth#GOOGLE_CREDENTIALS}; null means Application Default Credentials
 * @param apiKey       the express-mode key for {@link Auth#API_KEY}
 * @param quotaProject sent as {@code x-goog-user-project}; null means the credentials' own quota project, if any
 */
record VertexSettings(
        String project,
        String location,
        String baseUrl,
        String apiVersion,
        Auth auth,
        Supplier<GoogleCredentials> credentials,
        Supplier<String> apiKey,
        String quotaProject) {

    static final String DEFAULT_LOCATION = "us-central1";
    static final String DEFAULT_API_VERSION = "v1";

    /** How Vertex AI calls authenticate. */
    enum Auth {
        /** {@code Authorization: Bearer} from Google credentials (Application Default Credentials by default). */
        GOOGLE_CREDENTIALS,
        /** Express mode: an API key in {@code x-goog-api-key}. */
        API_KEY,
        /** No credentials: a local emulator. */
        NONE
    }

    static VertexSettings defaults() {
        return new VertexSettings(
                null, DEFAULT_LOCATION, null, DEFAULT_API_VERSION, Auth.GOOGLE_CREDENTIALS, null, null, null);
    }
}
