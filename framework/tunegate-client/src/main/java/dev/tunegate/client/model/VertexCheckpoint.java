package dev.tunegate.client.model;

import org.apiguardian.api.API;

/**
 * One checkpoint of a Vertex AI tuning job ({@code tunedModel.checkpoints[]}), deployed to its own endpoint.
 *
 * @param checkpointId the id, e.g. {@code "3"}
 * @param epoch        the epoch it was taken at (int64: a number or a string on the wire)
 * @param step         the training step it was taken at
 * @param endpoint     {@code projects/P/locations/L/endpoints/E} serving it
 */
@API(status = API.Status.EXPERIMENTAL)
public record VertexCheckpoint(String checkpointId, Long epoch, Long step, String endpoint) {}
