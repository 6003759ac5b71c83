package dev.tunegate.engine.run.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.client.model.GenerateContentResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The recordings on disk: one pretty-printed JSON file per interaction, with sorted keys, under
 * {@code <dir>/<suite>/<model>.<method>.<hash>.json}. Files are written atomically (a temporary file
 * then a move), so an interrupted run never leaves a half-written recording. A suite's folder is listed
 * once ({@link CassetteIndex}) and a file is read only when its call is made. Remembers which files a
 * run used, to list the ones it did not.
 */
final class CassetteStore {
    static final int FORMAT_VERSION = 1;
    static final String UNUSED_LIST = CassetteCalls.UNUSED_LIST_FILE;
    private static final String TEMP_PREFIX = ".recording";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path dir;
    private final Redaction redaction;
    private final Set<Path> used = ConcurrentHashMap.newKeySet();
    private final Set<String> suites = ConcurrentHashMap.newKeySet();
    private final Instant createdAt = Instant.now();
    private final Clock clock;
    private final CassetteIndex index = new CassetteIndex();
    /** Folder of each suite name and file-name part of each endpoint, worked out once (not per call). */
    private final Map<String, Path> suiteDirs = new ConcurrentHashMap<>();

    private final Map<String, String> models = new ConcurrentHashMap<>();

    CassetteStore(Path dir, Redaction redaction, Clock clock) {
        this.dir = dir;
        this.redaction = redaction;
        this.clock = clock;
    }

    Path dir() {
        return dir;
    }

    /** The full key of a call: a hash of the endpoint, the canonical request and the repeat index. */
    static String key(ModelCall call) {
        return CanonicalJson.sha256(call.endpoint() + "\n" + CanonicalJson.compact(CanonicalJson.tree(call.request()))
                + "\n" + call.repeat());
    }

    /** The key of an embedding: a hash of the endpoint and its canonical one-text request ({@link EmbeddingCall}). */
    static String key(EmbeddingCall call) {
        return CanonicalJson.sha256(
                call.endpoint() + "\n" + CanonicalJson.compact(CanonicalJson.sorted(call.request())));
    }

    Path file(ModelCall call, String key) {
        return file(call.suite(), call.endpoint(), key);
    }

    Path file(EmbeddingCall call, String key) {
        return file(call.suite(), call.endpoint(), key);
    }

    private Path file(String suite, String endpoint, String key) {
        Path suiteDir = suiteDirs.computeIfAbsent(suite == null ? "" : suite, name -> dir.resolve(safe(name)));
        String model = models.computeIfAbsent(
                endpoint, name -> safe(name.substring(name.lastIndexOf('/') + 1).replace(':', '.')));
        return suiteDir.resolve(model + "." + key.substring(0, 16) + ".json");
    }

    /** The recorded embedding of a text, if there is one with exactly this key. */
    Optional<double[]> load(EmbeddingCall call, String key) {
        Path file = file(call, key);
        Optional<JsonNode> root = read(call.suite(), file, key);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        JsonNode values = call.values(root.get().path("response"));
        if (!values.isArray() || values.isEmpty()) {
            throw new UncheckedIOException(new IOException("Recording " + file + " holds no embedding values"));
        }
        double[] vector = new double[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i).asDouble();
        }
        used.add(file);
        return Optional.of(vector);
    }

    /** Writes (or overwrites) the recording of an embedding, stamped with the time it was recorded. */
    void save(EmbeddingCall call, String key, double[] vector) {
        ObjectNode root = header(key, call.endpoint(), call.suite(), call.test());
        root.set("request", call.request());
        root.put("status", 200);
        stamp(root);
        root.set("response", call.response(vector));
        write(file(call, key), root);
    }

    private static ObjectNode header(String key, String endpoint, String suite, String test) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", FORMAT_VERSION);
        root.put("key", key);
        root.put("endpoint", endpoint);
        if (suite != null) {
            root.put("suite", suite);
        }
        if (test != null) {
            root.put("test", test);
        }
        return root;
    }

    /** The recording in {@code file} when it exists and has this key. */
    private Optional<JsonNode> read(String suite, Path file, String key) {
        suites.add(file.getParent().getFileName().toString());
        if (!index.contains(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = CanonicalJson.MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed since the folder was listed
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read recording " + file + ": " + e.getMessage(), e);
        }
        return key.equals(root.path("key").asText()) ? Optional.of(root) : Optional.empty();
    }

    /** The recording of a call, if there is one with exactly this key. */
    Optional<ModelResult> load(ModelCall call, String key) {
        Path file = file(call, key);
        suites.add(file.getParent().getFileName().toString());
        if (!index.contains(file)) {
            return Optional.empty();
        }
        RecordingFile recording;
        try {
            recording = CanonicalJson.MAPPER.readValue(Files.readAllBytes(file), RecordingFile.class);
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed since the folder was listed
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read recording " + file + ": " + e.getMessage(), e);
        }
        if (!key.equals(recording.key())) {
            return Optional.empty();
        }
        used.add(file);
        List<GenerateContentResponse> chunks = recording.chunks() != null
                ? recording.chunks()
                : recording.response() != null ? List.of(recording.response()) : List.of();
        if (chunks.isEmpty() || chunks.stream().anyMatch(java.util.Objects::isNull)) {
            throw new UncheckedIOException(
                    "Recording " + file + " holds no readable response", new IOException("no response or chunks"));
        }
        RecordingFile.Timings timings = recording.timings();
        Duration latency = timings == null ? null : duration(timings.latency());
        Duration firstChunk = timings == null ? null : duration(timings.timeToFirstChunk());
        return Optional.of(new ModelResult(
                chunks,
                latency == null ? Duration.ZERO : latency,
                firstChunk,
                0,
                true,
                recordedAt(recording.recordedAt(), file)));
    }

    /** When the recording was made ({@code recordedAt}); null in recordings written before that field existed. */
    private static Instant recordedAt(String at, Path file) {
        if (at == null) {
            return null;
        }
        try {
            return Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(
                    "Recording " + file + " has a recordedAt that is not an ISO-8601 instant: '" + at + "'", e);
        }
    }

    /** Stamps a recording with the time it is made (the run's clock, to the second; not part of the key). */
    private void stamp(ObjectNode root) {
        root.put(
                "recordedAt",
                clock.instant()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString());
    }

    /** Writes (or overwrites) the recording of a call, stamped with the time it was recorded. */
    void save(ModelCall call, String key, ModelResult result) {
        ObjectNode root = header(key, call.endpoint(), call.suite(), call.test());
        root.put("repeat", call.repeat());
        root.set("request", CanonicalJson.tree(call.request()));
        root.put("status", 200);
        stamp(root);
        if (call.streaming()) {
            ArrayNode chunks = root.putArray("chunks");
            result.chunks().forEach(c -> chunks.add(CanonicalJson.tree(c)));
        } else {
            root.set("response", CanonicalJson.tree(result.response()));
        }
        ObjectNode timings = root.putObject("timings");
        timings.put("latency", result.latency().toString());
        if (result.timeToFirstChunk() != null) {
            timings.put("timeToFirstChunk", result.timeToFirstChunk().toString());
        }
        write(file(call, key), root);
    }

    private void write(Path file, ObjectNode root) {
        String text = redaction.apply(CanonicalJson.pretty(CanonicalJson.sorted(root)));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), TEMP_PREFIX, TEMP_SUFFIX);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write recording " + file + ": " + e.getMessage(), e);
        }
        index.added(file);
        used.add(file);
        suites.add(file.getParent().getFileName().toString());
    }

    /**
     * Recordings of the suites this run called that the run did not use (their request changed, or
     * their case is gone). Recordings of suites the run did not touch are left alone.
     */
    List<Path> unused() {
        List<Path> unused = new ArrayList<>();
        for (String suite : suites) {
            Path suiteDir = dir.resolve(suite);
            if (!Files.isDirectory(suiteDir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(suiteDir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".json"))
                        .filter(f -> !used.contains(f))
                        .sorted()
                        .forEach(unused::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        unused.sort(null);
        return unused;
    }

    /**
     * Deletes the temporary files that a killed run left in the folders of the suites this run called
     * (a recording is written to one and then moved): those older than this store, so that a write
     * still under way in another run is left alone. Returns how many it deleted.
     */
    int removeLeftovers() {
        int removed = 0;
        for (String suite : suites) {
            Path suiteDir = dir.resolve(suite);
            if (!Files.isDirectory(suiteDir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(suiteDir)) {
                for (Path f : files.filter(CassetteStore::isTemporary).toList()) {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(createdAt) && Files.deleteIfExists(f)) {
                        removed++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return removed;
    }

    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    /** Writes the list of unused recordings for {@code tunegate cassettes prune}, or removes a stale list. */
    void writeUnusedList(List<Path> unused) {
        Path list = dir.resolve(UNUSED_LIST);
        try {
            if (unused.isEmpty()) {
                Files.deleteIfExists(list);
            } else {
                Files.createDirectories(dir);
                StringBuilder text = new StringBuilder();
                unused.forEach(f -> text.append(dir.relativize(f).toString().replace('\\', '/'))
                        .append('\n'));
                Files.writeString(list, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration duration(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String safe(String name) {
        if (name == null || name.isBlank()) {
            return "_";
        }
        String safe = name.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[.-]+", "");
        return safe.isEmpty() ? "_" : safe;
    }
}
