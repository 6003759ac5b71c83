package dev.tunegate.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.client.CloudStorage;
import dev.tunegate.client.GeminiApiException;
import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.model.VertexCheckpoint;
import dev.tunegate.client.model.VertexHyperParameters;
import dev.tunegate.client.model.VertexSupervisedTuningSpec;
import dev.tunegate.client.model.VertexTunedModelRef;
import dev.tunegate.client.model.VertexTuningJob;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/** {@link TuningJobPort} over the client's Vertex AI tuning jobs and Cloud Storage (same credentials). */
final class ClientTuningJobs implements TuningJobPort {

    private final GeminiClient client;

    ClientTuningJobs(GeminiClient client) {
        this.client = client;
    }

    @Override
    public List<Job> list() {
        return client.vertexTuningJobs()
                .listAll(null, null)
                .map(ClientTuningJobs::job)
                .toList();
    }

    @Override
    public Job get(String name) {
        return job(client.vertexTuningJobs().get(name));
    }

    @Override
    public Job create(NewJob job) {
        JsonNode h = job.hyperParameters();
        VertexHyperParameters hyper = h == null
                ? null
                : VertexHyperParameters.of(
                        h.hasNonNull("epochCount") ? h.get("epochCount").asLong() : null,
                        h.hasNonNull("learningRateMultiplier")
                                ? h.get("learningRateMultiplier").asDouble()
                                : null,
                        h.hasNonNull("adapterSize") ? h.get("adapterSize").asText() : null);
        return job(client.vertexTuningJobs()
                .create(VertexTuningJob.supervised(
                        job.baseModel(),
                        new VertexSupervisedTuningSpec(
                                job.trainingDatasetUri(),
                                job.validationDatasetUri().orElse(null),
                                hyper,
                                null),
                        job.displayName(),
                        null,
                        job.labels())));
    }

    @Override
    public Job await(String name, Consumer<Job> progress, Duration timeout) {
        VertexTuningJob start = client.vertexTuningJobs().get(name);
        try {
            return job(client.vertexTuningJobs().await(start, j -> progress.accept(job(j)), timeout, null));
        } catch (GeminiApiException e) {
            if ("CANCELLED".equals(e.googleStatus())) {
                throw new CancellationException("stopped waiting for tuning job " + name + ": " + e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public String upload(String bucket, String object, byte[] content) {
        client.cloudStorage().upload(bucket, object, content, "application/jsonl");
        return CloudStorage.gsUri(bucket, object);
    }

    private static Job job(VertexTuningJob job) {
        VertexTunedModelRef tuned = job.tunedModel();
        List<Checkpoint> points = tuned == null
                ? List.of()
                : tuned.checkpointList().stream()
                        .map(ClientTuningJobs::checkpoint)
                        .toList();
        return new Job(
                job.name(),
                job.state() == null ? "JOB_STATE_UNSPECIFIED" : job.state().name(),
                job.tunedModelDisplayName(),
                job.labelMap(),
                Optional.ofNullable(tuned).map(VertexTunedModelRef::endpoint),
                points,
                Optional.ofNullable(job.error()).map(e -> (e.status() == null ? "" : e.status() + ": ") + e.message()));
    }

    private static Checkpoint checkpoint(VertexCheckpoint point) {
        return new Checkpoint(
                point.checkpointId(),
                point.epoch() == null ? 0 : point.epoch().intValue(),
                point.step() == null ? 0 : point.step(),
                point.endpoint());
    }
}
