package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apiguardian.api.API;

/**
 * Where a checkpoint variant comes from: one checkpoint of a Vertex AI tuning job, served by its own endpoint. A
 * variant written with {@code checkpoints:} expands into one variant per checkpoint, named {@code <variant>@<id>}.
 *
 * @param variant      the variant as written in the suite, e.g. {@code cand}
 * @param tuningJob    {@code projects/P/locations/L/tuningJobs/J}
 * @param checkpointId the job's checkpoint id, e.g. {@code 3}
 * @param epoch        the epoch the checkpoint was taken at
 * @param step         the training step the checkpoint was taken at
 * @param endpoint     {@code projects/P/locations/L/endpoints/E}, which serves this checkpoint
 * @param isDefault    whether this is the job's default checkpoint (the one the tuned model's endpoint serves);
 *                     {@code default} in {@code summary.json}, which writes this record as a variant's checkpoint
 */
@API(status = API.Status.INTERNAL)
public record VariantCheckpoint(
        String variant,
        String tuningJob,
        String checkpointId,
        int epoch,
        long step,
        String endpoint,
        @JsonProperty("default") boolean isDefault) {

    /** The expanded variant's name, {@code <variant>@<checkpointId>}. */
    public String variantName() {
        return variant + "@" + checkpointId;
    }
}
