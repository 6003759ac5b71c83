package dev.tunegate.client.model;

import java.util.List;
import org.apiguardian.api.API;

/** One page of Vertex AI batch prediction jobs; {@code nextPageToken} is absent (or empty) on the last page. */
@API(status = API.Status.EXPERIMENTAL)
public record ListVertexBatchPredictionJobsResponse(
        List<VertexBatchPredictionJob> batchPredictionJobs, String nextPageToken) {
    public ListVertexBatchPredictionJobsResponse {
        batchPredictionJobs = Unions.copy(batchPredictionJobs);
    }

    /** Whether another page follows. */
    public boolean hasNextPage() {
        return nextPageToken != null && !nextPageToken.isEmpty();
    }
}
