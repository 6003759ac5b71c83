package dev.tunegate.emulator.tuning;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.GeminiJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps Vertex AI tuning jobs and their checkpoints in the data directory, like
 * {@link DirectoryTuningStore} keeps tuned models (one JSON file per object, written atomically), or
 * nowhere when the emulator runs in memory:
 * <pre>
 * {dataDir}/vertex-tuning-jobs/{jobId}.json                 the job (state, times, checkpoints and their endpoints)
 * {dataDir}/vertex-checkpoints/{jobId}/{checkpointId}.json  what the model had learned at that checkpoint
 * </pre>
 */
final class VertexTuningStore {

    /** What is stored: the jobs, and the learned state of each job's checkpoints by checkpoint id. */
    record Contents(List<VertexTuningJobRecord> jobs, Map<String, Map<String, LearnedState>> checkpoints) {}

    private final Path dataDir;
    private final ObjectMapper mapper = GeminiJson.newMapper();

    private VertexTuningStore(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** A store in {@code dataDir}, or one that keeps nothing when it is null. */
    static VertexTuningStore at(Path dataDir) {
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir.resolve("vertex-tuning-jobs"));
                Files.createDirectories(dataDir.resolve("vertex-checkpoints"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the emulator data directory " + dataDir + ": " + e, e);
            }
        }
        return new VertexTuningStore(dataDir);
    }

    /** Everything stored; unreadable files are all named in one {@link IllegalStateException}. */
    Contents load() {
        if (dataDir == null) {
            return new Contents(List.of(), Map.of());
        }
        List<String> problems = new ArrayList<>();
        List<VertexTuningJobRecord> jobs = new ArrayList<>();
        for (Path file : DirectoryTuningStore.jsonFiles(dataDir.resolve("vertex-tuning-jobs"))) {
            VertexTuningJobRecord job =
                    DirectoryTuningStore.readJson(mapper, dataDir, file, VertexTuningJobRecord.class, problems);
            if (job != null && (job.jobId() == null || job.parent() == null || job.state() == null)) {
                problems.add(dataDir.relativize(file) + ": not a stored tuning job (parent, jobId and state are"
                        + " required)");
            } else if (job != null) {
                jobs.add(job);
            }
        }
        Map<String, Map<String, LearnedState>> checkpoints = new HashMap<>();
        for (Path dir : DirectoryTuningStore.directories(dataDir.resolve("vertex-checkpoints"))) {
            for (Path file : DirectoryTuningStore.jsonFiles(dir)) {
                LearnedState state = DirectoryTuningStore.readJson(mapper, dataDir, file, LearnedState.class, problems);
                if (state != null) {
                    String name = file.getFileName().toString();
                    checkpoints
                            .computeIfAbsent(dir.getFileName().toString(), k -> new HashMap<>())
                            .put(name.substring(0, name.length() - ".json".length()), state);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The emulator data directory " + dataDir + " holds " + problems.size()
                    + (problems.size() == 1 ? " unreadable file" : " unreadable files")
                    + "; fix or remove them (or start with another data directory):\n  - "
                    + String.join("\n  - ", problems));
        }
        return new Contents(jobs, checkpoints);
    }

    void saveJob(VertexTuningJobRecord job) {
        if (dataDir != null) {
            DirectoryTuningStore.writeJson(
                    mapper, dataDir.resolve("vertex-tuning-jobs").resolve(job.jobId() + ".json"), job);
        }
    }

    void saveCheckpoint(String jobId, String checkpointId, LearnedState state) {
        if (dataDir != null) {
            DirectoryTuningStore.writeJson(
                    mapper,
                    dataDir.resolve("vertex-checkpoints").resolve(jobId).resolve(checkpointId + ".json"),
                    state);
        }
    }
}
