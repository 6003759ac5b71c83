package dev.tunegate.client.model;

import java.util.List;
import org.apiguardian.api.API;

/** Progress metadata of a tunedModels.create operation. */
@API(status = API.Status.EXPERIMENTAL)
public record CreateTunedModelMetadata(
        String tunedModel,
        Integer totalSteps,
        Integer completedSteps,
        Double completedPercent,
        List<TuningSnapshot> snapshots) {
    /** The {@code @type} URI of this message inside an Operation. */
    public static final String TYPE_URL =
            "type.googleapis.com/google.ai.generativelanguage.v1beta.CreateTunedModelMetadata";

    public CreateTunedModelMetadata {
        snapshots = Unions.copy(snapshots);
    }
}
