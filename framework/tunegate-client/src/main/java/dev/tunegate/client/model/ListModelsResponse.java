package dev.tunegate.client.model;

import java.util.List;

/** One page of base models. */
public record ListModelsResponse(List<Model> models, String nextPageToken) {
    public ListModelsResponse {
        models = Unions.copy(models);
    }
}
