package dev.tunegate.client.model;

import java.util.List;
import org.apiguardian.api.API;

/** One page of base models. */
@API(status = API.Status.EXPERIMENTAL)
public record ListModelsResponse(List<Model> models, String nextPageToken) {
    public ListModelsResponse {
        models = Unions.copy(models);
    }
}
