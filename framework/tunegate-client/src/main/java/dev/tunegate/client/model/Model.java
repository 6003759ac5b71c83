package dev.tunegate.client.model;

import java.util.List;

/** A base model ({@code models/*}) as returned by models.get and models.list (public API, not in the seeds). */
public record Model(
        String name,
        String baseModelId,
        String version,
        String displayName,
        String description,
        Integer inputTokenLimit,
        Integer outputTokenLimit,
        List<String> supportedGenerationMethods,
        Double temperature,
        Double maxTemperature,
        Double topP,
        Integer topK) {
    public Model {
        supportedGenerationMethods = Unions.copy(supportedGenerationMethods);
    }
}
