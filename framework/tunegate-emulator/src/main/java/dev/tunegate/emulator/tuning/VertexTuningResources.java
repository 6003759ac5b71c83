package dev.tunegate.emulator.tuning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a Vertex AI tuning job and of what it creates: the {@code TuningJob}, the tuned
 * {@code Model} ({@code parent/models/M@1}, with its checkpoints and the endpoints they are deployed
 * to) and each checkpoint's {@code Endpoint}. Written as proto3 JSON: unset fields omitted, int64
 * values as strings, times in RFC 3339.
 */
final class VertexTuningResources {
    private VertexTuningResources() {}

    static Map<String, Object> job(VertexTuningJobRecord job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", job.name());
        putIfSet(body, "tunedModelDisplayName", job.displayName());
        putIfSet(body, "description", job.description());
        body.put("baseModel", job.baseModel());
        body.put("supervisedTuningSpec", job.spec());
        body.put("state", job.state());
        body.put("createTime", job.createTime().toString());
        putIfSet(
                body,
                "startTime",
                job.startTime() == null ? null : job.startTime().toString());
        putIfSet(body, "endTime", job.endTime() == null ? null : job.endTime().toString());
        body.put("updateTime", job.updateTime().toString());
        if (job.error() != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", job.error().code());
            error.put("message", job.error().message());
            body.put("error", error);
        }
        if (!job.labels().isEmpty()) {
            body.put("labels", job.labels());
        }
        if (!job.tuningDataStats().isEmpty()) {
            body.put("tuningDataStats", job.tuningDataStats());
        }
        if (job.state().equals(VertexTuningJobRecord.SUCCEEDED)) {
            Map<String, Object> tuned = new LinkedHashMap<>();
            tuned.put("model", modelName(job) + "@1");
            tuned.put("endpoint", endpointName(job, defaultCheckpoint(job)));
            List<Map<String, Object>> checkpoints = new ArrayList<>();
            for (VertexTuningJobRecord.Checkpoint c : job.checkpoints()) {
                Map<String, Object> checkpoint = checkpoint(c);
                checkpoint.put("endpoint", endpointName(job, c));
                checkpoints.add(checkpoint);
            }
            tuned.put("checkpoints", checkpoints);
            body.put("tunedModel", tuned);
        }
        return body;
    }

    static Map<String, Object> model(VertexTuningJobRecord job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", modelName(job));
        body.put("versionId", "1");
        body.put("displayName", job.displayName() != null ? job.displayName() : "tuning-job-" + job.jobId());
        putIfSet(body, "description", job.description());
        List<Map<String, Object>> deployed = new ArrayList<>();
        for (VertexTuningJobRecord.Checkpoint c : job.checkpoints()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("endpoint", endpointName(job, c));
            d.put("deployedModelId", c.checkpointId());
            d.put("checkpointId", c.checkpointId());
            deployed.add(d);
        }
        body.put("deployedModels", deployed);
        Map<String, String> labels = new LinkedHashMap<>(job.labels());
        labels.put("tune-type", "sft");
        labels.put(
                "google-vertex-llm-tuning-base-model-id", job.servedBaseModel().substring("models/".length()));
        labels.put("google-vertex-llm-tuning-job-id", job.jobId());
        body.put("labels", labels);
        body.put("defaultCheckpointId", defaultCheckpoint(job).checkpointId());
        List<Map<String, Object>> checkpoints = new ArrayList<>();
        job.checkpoints().forEach(c -> checkpoints.add(checkpoint(c)));
        body.put("checkpoints", checkpoints);
        body.put("createTime", job.createTime().toString());
        body.put("updateTime", job.updateTime().toString());
        return body;
    }

    static Map<String, Object> endpoint(VertexTuningJobRecord job, VertexTuningJobRecord.Checkpoint c) {
        Map<String, Object> deployed = new LinkedHashMap<>();
        deployed.put("id", c.checkpointId());
        deployed.put("model", modelName(job) + "@1");
        deployed.put("displayName", model(job).get("displayName") + " checkpoint " + c.checkpointId());
        deployed.put("checkpointId", c.checkpointId());
        deployed.put("createTime", job.updateTime().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", endpointName(job, c));
        body.put("displayName", deployed.get("displayName"));
        body.put("deployedModels", List.of(deployed));
        body.put("trafficSplit", Map.of(c.checkpointId(), 100));
        body.put("createTime", job.updateTime().toString());
        body.put("updateTime", job.updateTime().toString());
        return body;
    }

    static String modelName(VertexTuningJobRecord job) {
        return job.parent() + "/models/" + job.modelId();
    }

    static String endpointName(VertexTuningJobRecord job, VertexTuningJobRecord.Checkpoint c) {
        return job.parent() + "/endpoints/" + c.endpointId();
    }

    /** The default checkpoint: the last one. */
    static VertexTuningJobRecord.Checkpoint defaultCheckpoint(VertexTuningJobRecord job) {
        return job.checkpoints().get(job.checkpoints().size() - 1);
    }

    private static Map<String, Object> checkpoint(VertexTuningJobRecord.Checkpoint c) {
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("checkpointId", c.checkpointId());
        checkpoint.put("epoch", Long.toString(c.epoch()));
        checkpoint.put("step", Long.toString(c.step()));
        return checkpoint;
    }

    private static void putIfSet(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }
}
