package dev.tunegate.client.model;

import java.util.List;
import org.apiguardian.api.API;

/** One page of Vertex AI tuning jobs; {@code nextPageToken} is absent (or empty) on the last page. */
@API(status = API.Status.EXPERIMENTAL)
public record ListVertexTuningJobsResponse(List<VertexTuningJob> tuningJobs, String nextPageToken) {
    public ListVertexTuningJobsResponse {
        tuningJobs = Unions.copy(tuningJobs);
    }

    /** Whether another page follows. */
    public boolean hasNextPage() {
        return nextPageToken != null && !nextPageToken.isEmpty();
    }
}
