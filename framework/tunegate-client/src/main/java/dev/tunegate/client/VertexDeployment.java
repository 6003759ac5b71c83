package dev.tunegate.client;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a Vertex AI tuned model resource is served: the answer of {@link GeminiClient#resolveVertexModel}.
 *
 * @param model     the model resource as named, e.g. {@code projects/P/locations/L/models/123@2}
 * @param versionId the version the Models API reported ({@code versionId}), or null when it reported none
 * @param endpoint  the endpoint that serves its default checkpoint, {@code projects/P/locations/L/endpoints/E}
 */
@API(status = API.Status.EXPERIMENTAL)
public record VertexDeployment(String model, String versionId, String endpoint) {
    public VertexDeployment {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
