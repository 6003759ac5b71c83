package dev.tunegate.client.model;

import java.util.List;

/** One page of operations ({@code GET /v1beta/tunedModels/{id}/operations}). */
public record ListOperationsResponse(List<Operation> operations, String nextPageToken) {
    public ListOperationsResponse {
        operations = Unions.copy(operations);
    }
}
