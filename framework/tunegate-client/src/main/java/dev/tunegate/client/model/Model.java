package dev.tunegate.client.model;

import java.util.List;
import org.apiguardian.api.API;

/** A base model ({@code models/*}) as returned by models.get and models.list (public API, not in the seeds). */
@API(status = API.Status.EXPERIMENTAL)
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
