package dev.tunegate.emulator.tuning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A validated Vertex AI {@code tuningJobs.create}: what the job echoes and what it trains on.
 *
 * @param baseModel             the base model as given (e.g. {@code gemini-2.5-flash})
 * @param servedBaseModel       the emulator's base model it resolves to ({@code models/gemini-2.5-flash})
 * @param displayName           {@code tunedModelDisplayName}, or null
 * @param description           {@code description}, or null
 * @param labels                {@code labels}
 * @param spec                  the {@code supervisedTuningSpec} as the job echoes it
 * @param examples              the training examples read from {@code trainingDatasetUri}
 * @param validationExamples    the validation examples, empty without {@code validationDatasetUri}
 * @param plan                  epochs, batch size and learning rate
 * @param exportLastCheckpointOnly whether only the last epoch's checkpoint is kept
 */
record VertexTuningRequest(
        String baseModel,
        String servedBaseModel,
        String displayName,
        String description,
        Map<String, String> labels,
        ObjectNode spec,
        List<TrainingExample> examples,
        List<TrainingExample> validationExamples,
        TuningPlan plan,
        boolean exportLastCheckpointOnly) {

    VertexTuningRequest {
        labels = Map.copyOf(labels);
        examples = List.copyOf(examples);
        validationExamples = List.copyOf(validationExamples);
    }
}
