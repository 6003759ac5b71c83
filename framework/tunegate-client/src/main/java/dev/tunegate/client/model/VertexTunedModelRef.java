package dev.tunegate.client.model;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a Vertex AI tuning job produced (the job's {@code tunedModel} field; not the Gemini API's {@link TunedModel}).
 *
 * @param model       {@code projects/P/locations/L/models/M@N}
 * @param endpoint    the endpoint serving the default checkpoint
 * @param checkpoints the checkpoints, usually one per epoch (only the last with {@code exportLastCheckpointOnly})
 */
@API(status = API.Status.EXPERIMENTAL)
public record VertexTunedModelRef(String model, String endpoint, List<VertexCheckpoint> checkpoints) {
    public VertexTunedModelRef {
        checkpoints = Unions.copy(checkpoints);
    }

    /** The checkpoints, never null. */
    public List<VertexCheckpoint> checkpointList() {
        return checkpoints == null ? List.of() : checkpoints;
    }

    /** The checkpoint the default endpoint serves ({@link #endpoint}), if it is one of the listed checkpoints. */
    public Optional<VertexCheckpoint> defaultCheckpoint() {
        return checkpointList().stream()
                .filter(c -> c.endpoint() != null && c.endpoint().equals(endpoint))
                .findFirst();
    }
}
