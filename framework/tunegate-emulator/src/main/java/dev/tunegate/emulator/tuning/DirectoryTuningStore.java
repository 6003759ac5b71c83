package dev.tunegate.emulator.tuning;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.Operation;
import dev.tunegate.emulator.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keeps tuned models in a directory, one JSON file per object, each written to a temporary file in the
 * same directory and moved over the old one with {@code ATOMIC_MOVE}, so a crash never leaves a
 * half-written file:
 * <pre>
 * {dataDir}/tuned-models/{id}.json          the TunedModel, its root base model and its operation names
 * {dataDir}/learned/{id}.json               what the model learned (features, prototypes, threshold)
 * {dataDir}/operations/{id}/{operation}.json every operation, also after its model was deleted
 * </pre>
 */
final class DirectoryTuningStore implements TuningStore {

    private final Path dataDir;
    private final Path models;
    private final Path learned;
    private final Path operations;
    private final ObjectMapper mapper = GeminiJson.newMapper();

    DirectoryTuningStore(Path dataDir) {
        this.dataDir = dataDir;
        this.models = dataDir.resolve("tuned-models");
        this.learned = dataDir.resolve("learned");
        this.operations = dataDir.resolve("operations");
        try {
            Files.createDirectories(models);
            Files.createDirectories(learned);
            Files.createDirectories(operations);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the emulator data directory " + dataDir + ": " + e, e);
        }
    }

    /**
     * Everything stored. Every unreadable file is named in one {@link IllegalStateException} (with a
     * reason in plain words), so that one start shows all files to fix or remove.
     */
    @Override
    public Contents load() {
        List<String> problems = new ArrayList<>();
        List<StoredTunedModel> storedModels = new ArrayList<>();
        for (Path file : jsonFiles(models)) {
            StoredTunedModel model = read(file, StoredTunedModel.class, problems);
            if (model != null
                    && (model.tunedModel() == null
                            || model.tunedModel().name() == null
                            || !model.tunedModel().name().startsWith("tunedModels/")
                            || model.operations().isEmpty())) {
                problems.add(describe(file) + ": not a stored tuned model (tunedModel.name and operations are"
                        + " required)");
            } else if (model != null) {
                storedModels.add(model);
            }
        }
        Map<String, LearnedState> states = new HashMap<>();
        for (Path file : jsonFiles(learned)) {
            LearnedState state = read(file, LearnedState.class, problems);
            if (state != null) {
                states.put(stripJson(file), state);
            }
        }
        List<Operation> ops = new ArrayList<>();
        for (Path dir : directories(operations)) {
            for (Path file : jsonFiles(dir)) {
                Operation operation = read(file, Operation.class, problems);
                if (operation != null && operation.name() == null) {
                    problems.add(describe(file) + ": not a stored operation (name is required)");
                } else if (operation != null) {
                    ops.add(operation);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The emulator data directory " + dataDir + " holds " + problems.size()
                    + (problems.size() == 1 ? " unreadable file" : " unreadable files")
                    + "; fix or remove them (or start with another data directory):\n  - "
                    + String.join("\n  - ", problems));
        }
        return new Contents(storedModels, states, ops);
    }

    @Override
    public void saveModel(StoredTunedModel model) {
        write(models.resolve(model.id() + ".json"), model);
    }

    @Override
    public void deleteModel(String id) {
        try {
            Files.deleteIfExists(models.resolve(id + ".json"));
            Files.deleteIfExists(learned.resolve(id + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void saveLearned(String id, LearnedState state) {
        write(learned.resolve(id + ".json"), state);
    }

    @Override
    public void saveOperation(Operation operation) {
        String[] parts = operation.name().split("/");
        // tunedModels/{id}/operations/{op}
        write(operations.resolve(parts[1]).resolve(parts[3] + ".json"), operation);
    }

    private void write(Path target, Object value) {
        writeJson(mapper, target, value);
    }

    /** Writes {@code value} as JSON to a temporary file beside {@code target} and moves it over {@code target}. */
    static void writeJson(ObjectMapper mapper, Path target, Object value) {
        try {
            Files.createDirectories(target.getParent());
            AtomicFiles.write(target, temp -> mapper.writeValue(temp.toFile(), value));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e, e);
        }
    }

    /** The value in {@code file}, or null after adding why it cannot be read to {@code problems}. */
    private <T> T read(Path file, Class<T> type, List<String> problems) {
        return readJson(mapper, dataDir, file, type, problems);
    }

    /** The value in {@code file}, or null after adding why it cannot be read (named relative to {@code dataDir}). */
    static <T> T readJson(ObjectMapper mapper, Path dataDir, Path file, Class<T> type, List<String> problems) {
        try {
            if (Files.size(file) == 0) {
                problems.add(dataDir.relativize(file) + ": empty file");
                return null;
            }
            T value = mapper.readValue(file.toFile(), type);
            if (value == null) {
                problems.add(dataDir.relativize(file) + ": holds null instead of an object");
            }
            return value;
        } catch (IOException e) {
            problems.add(dataDir.relativize(file) + ": " + StoreFileProblem.reason(e));
            return null;
        }
    }

    private String describe(Path file) {
        return dataDir.relativize(file).toString();
    }

    static List<Path> directories(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String stripJson(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }
}
