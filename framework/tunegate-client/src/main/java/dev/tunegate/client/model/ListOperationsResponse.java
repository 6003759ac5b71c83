package dev.tunegate.client.model;

import java.util.List;
import org.apiguardian.api.API;

/** One page of operations ({@code GET /v1beta/tunedModels/{id}/operations}). */
@API(status = API.Status.EXPERIMENTAL)
public record ListOperationsResponse(List<Operation> operations, String nextPageToken) {
    public ListOperationsResponse {
        operations = Unions.copy(operations);
    }
}
