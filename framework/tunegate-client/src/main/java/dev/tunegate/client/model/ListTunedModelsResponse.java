package dev.tunegate.client.model;

import java.util.List;
import org.apiguardian.api.API;

/** One page of tuned models; an absent or empty {@code nextPageToken} means the last page. */
@API(status = API.Status.EXPERIMENTAL)
public record ListTunedModelsResponse(List<TunedModel> tunedModels, String nextPageToken) {
    public ListTunedModelsResponse {
        tunedModels = Unions.copy(tunedModels);
    }

    /** Whether another page follows. */
    public boolean hasNextPage() {
        return nextPageToken != null && !nextPageToken.isEmpty();
    }
}
