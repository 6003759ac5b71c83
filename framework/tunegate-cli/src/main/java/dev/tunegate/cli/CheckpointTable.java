package dev.tunegate.cli;

import dev.tunegate.client.model.VertexCheckpoint;
import dev.tunegate.client.model.VertexTunedModelRef;
import dev.tunegate.client.model.VertexTuningJob;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checkpoints of a Vertex AI tuning job in epoch order: as a text table (checkpoint id, epoch, step, endpoint, and
 * which one the tuned model's default endpoint serves) and as plain data for {@code --json}.
 */
final class CheckpointTable {
    private CheckpointTable() {}

    static List<VertexCheckpoint> ordered(VertexTuningJob job) {
        VertexTunedModelRef model = job.tunedModel();
        if (model == null) {
            return List.of();
        }
        return model.checkpointList().stream()
                .sorted(Comparator.comparing(VertexCheckpoint::epoch, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(VertexCheckpoint::step, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    static String render(VertexTuningJob job) {
        TextTable table = new TextTable("CHECKPOINT", "EPOCH", "STEP", "ENDPOINT", "DEFAULT");
        for (VertexCheckpoint c : ordered(job)) {
            table.row(c.checkpointId(), c.epoch(), c.step(), c.endpoint(), isDefault(job, c) ? "default" : "");
        }
        return table.render();
    }

    /** What {@code --json} prints: the job, its state, the tuned model and the checkpoints with a default flag. */
    static Map<String, Object> json(VertexTuningJob job) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tuningJob", job.name());
        out.put("state", job.state());
        if (job.tunedModel() != null) {
            out.put("model", job.tunedModel().model());
            out.put("endpoint", job.tunedModel().endpoint());
        }
        out.put(
                "checkpoints",
                ordered(job).stream()
                        .map(c -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("checkpointId", c.checkpointId());
                            row.put("epoch", c.epoch());
                            row.put("step", c.step());
                            row.put("endpoint", c.endpoint());
                            row.put("default", isDefault(job, c));
                            return row;
                        })
                        .toList());
        return out;
    }

    private static boolean isDefault(VertexTuningJob job, VertexCheckpoint c) {
        return job.tunedModel() != null
                && c.endpoint() != null
                && Objects.equals(c.endpoint(), job.tunedModel().endpoint());
    }
}
