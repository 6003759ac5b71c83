package dev.tunegate.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine's port to Vertex AI supervised tuning jobs and Cloud Storage: what {@link VertexTuning} needs, in the
 * engine's own terms, so that the reuse rules are tested without HTTP. {@link ClientTuningJobs} implements it
 * over the client.
 */
interface TuningJobPort {

    /** Every tuning job of the project and location (all pages). */
    List<Job> list();

    /** The job {@code projects/P/locations/L/tuningJobs/J}; throws the client's exception (HTTP 404 …). */
    Job get(String name);

    /** Creates a supervised tuning job. */
    Job create(NewJob job);

    /**
     * Polls the job until it ends (succeeded, failed or cancelled), telling {@code progress} each answer.
     *
     * @throws java.util.concurrent.CancellationException when interrupted; the job keeps running
     */
    Job await(String name, Consumer<Job> progress, Duration timeout);

    /** Uploads {@code content} as {@code gs://bucket/object} (Cloud Storage media upload); returns that URI. */
    String upload(String bucket, String object, byte[] content);

    /**
     * A tuning job as far as the engine cares.
     *
     * @param name        {@code projects/P/locations/L/tuningJobs/J}
     * @param state       {@code JOB_STATE_*}
     * @param displayName the tuned model's display name ({@code tunedModelDisplayName})
     * @param labels      the job's labels (TuneGate's content hash among them)
     * @param endpoint    {@code tunedModel.endpoint}: what the default checkpoint is served by, or empty
     * @param checkpoints {@code tunedModel.checkpoints}, in the job's order
     * @param error       the error of a failed job, or empty
     */
    record Job(
            String name,
            String state,
            String displayName,
            Map<String, String> labels,
            Optional<String> endpoint,
            List<Checkpoint> checkpoints,
            Optional<String> error) {

        public Job {
            labels = Map.copyOf(labels);
            checkpoints = List.copyOf(checkpoints);
        }

        boolean succeeded() {
            return "JOB_STATE_SUCCEEDED".equals(state);
        }

        boolean ended() {
            return succeeded() || failed();
        }

        /** Failed, cancelled (or being cancelled) or expired: never usable. */
        boolean failed() {
            return state != null
                    && (state.equals("JOB_STATE_FAILED")
                            || state.startsWith("JOB_STATE_CANCEL")
                            || state.equals("JOB_STATE_EXPIRED"));
        }
    }

    /** One checkpoint of a job: {@code tunedModel.checkpoints[]}. */
    record Checkpoint(String checkpointId, int epoch, long step, String endpoint) {}

    /**
     * A supervised tuning job to create.
     *
     * @param hyperParameters wire {@code hyperParameters} ({@code epochCount}, {@code learningRateMultiplier},
     *                        {@code adapterSize}), or null
     */
    record NewJob(
            String baseModel,
            String trainingDatasetUri,
            Optional<String> validationDatasetUri,
            JsonNode hyperParameters,
            String displayName,
            Map<String, String> labels) {}
}
