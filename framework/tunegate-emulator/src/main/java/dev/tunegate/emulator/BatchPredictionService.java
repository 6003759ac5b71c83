package dev.tunegate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.generation.GenerationPipeline;
import dev.tunegate.emulator.generation.GenerationPlan;
import dev.tunegate.emulator.generation.RequestReader;
import dev.tunegate.emulator.generation.ServedModel;
import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.storage.GcsDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vertex AI batch inference ({@code projects/P/locations/L/batchPredictionJobs}): create, get, list and cancel. A job
 * reads its JSONL input ({@code {"request": GenerateContentRequest, ...}} per line) from the emulator's Cloud Storage
 * directory when it is created, stays {@code JOB_STATE_PENDING}, then {@code _RUNNING}, and once the batch delay has
 * passed answers every line with the emulator's normal models and writes {@code predictions.jsonl} (the line's fields,
 * {@code request} included, plus a {@code response}, or a {@code status} for a request that failed) under its output
 * prefix, in {@code outputInfo.gcsOutputDirectory}.
 */
final class BatchPredictionService {

    private static final Pattern GS_PREFIX = Pattern.compile("gs://([^/]+)/?(.*)");

    private final ObjectMapper mapper;
    private final RequestReader reader;
    private final GenerationPipeline pipeline;
    private final GcsDirectory gcs;
    private final Duration delay;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    BatchPredictionService(
            ObjectMapper mapper,
            RequestReader reader,
            GenerationPipeline pipeline,
            GcsDirectory gcs,
            Duration delay,
            Clock clock) {
        this.mapper = mapper;
        this.reader = reader;
        this.pipeline = pipeline;
        this.gcs = gcs;
        this.delay = delay;
        this.clock = clock;
    }

    /** One job: what it was created with, its input lines and, once done, its state and counts. */
    private static final class Job {
        final String name;
        final JsonNode body;
        final ServedModel served;
        final Instant created;
        final List<JsonNode> lines;
        final String outputPrefix;
        String state = "JOB_STATE_PENDING";
        Instant ended;
        String outputDirectory;
        long succeeded;
        long failed;

        Job(String name, JsonNode body, ServedModel served, Instant created, List<JsonNode> lines, String prefix) {
            this.name = name;
            this.body = body;
            this.served = served;
            this.created = created;
            this.lines = lines;
            this.outputPrefix = prefix;
        }
    }

    /**
     * Creates a job under {@code parent} ({@code projects/P/locations/L}); {@code models} resolves the request's
     * {@code model} to the model that answers. A 400 names the field that is wrong.
     */
    Map<String, Object> create(String parent, byte[] body, Function<String, ServedModel> models) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw ApiException.invalidArgument("Invalid JSON payload received. " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalidArgument(
                    "Invalid JSON payload received: a BatchPredictionJob object is required.");
        }
        String displayName = root.path("displayName").asText("");
        if (displayName.isBlank()) {
            throw ApiException.invalidArgument("displayName", "displayName is required.");
        }
        String model = root.path("model").asText("");
        if (model.isBlank()) {
            throw ApiException.invalidArgument(
                    "model", "model is required: publishers/google/models/M or projects/P/locations/L/models/M.");
        }
        ServedModel served = models.apply(model);
        JsonNode input = root.path("inputConfig");
        if (!"jsonl".equals(input.path("instancesFormat").asText())) {
            throw ApiException.invalidArgument(
                    "inputConfig.instancesFormat",
                    "inputConfig.instancesFormat must be jsonl (the emulator reads Cloud Storage JSONL input only).");
        }
        JsonNode uris = input.path("gcsSource").path("uris");
        if (!uris.isArray() || uris.isEmpty()) {
            throw ApiException.invalidArgument(
                    "inputConfig.gcsSource.uris", "inputConfig.gcsSource.uris must list at least one gs:// URI.");
        }
        JsonNode output = root.path("outputConfig");
        if (!"jsonl".equals(output.path("predictionsFormat").asText())) {
            throw ApiException.invalidArgument(
                    "outputConfig.predictionsFormat", "outputConfig.predictionsFormat must be jsonl.");
        }
        String prefix = output.path("gcsDestination").path("outputUriPrefix").asText("");
        Matcher m = GS_PREFIX.matcher(prefix);
        if (!m.matches()) {
            throw ApiException.invalidArgument(
                    "outputConfig.gcsDestination.outputUriPrefix",
                    "outputConfig.gcsDestination.outputUriPrefix must be gs://BUCKET[/PREFIX], got '" + prefix + "'.");
        }
        List<JsonNode> lines = new ArrayList<>();
        for (int u = 0; u < uris.size(); u++) {
            String field = "inputConfig.gcsSource.uris[" + u + "]";
            lines.addAll(lines(gcs.readUri(uris.get(u).asText(""), field), field));
        }
        if (lines.isEmpty()) {
            throw ApiException.invalidArgument("inputConfig.gcsSource.uris", "the input files hold no request.");
        }
        String name = parent + "/batchPredictionJobs/"
                + Long.toUnsignedString(UUID.randomUUID().getMostSignificantBits() >>> 1);
        Job job = new Job(name, root, served, clock.instant(), lines, prefix.endsWith("/") ? prefix : prefix + "/");
        jobs.put(name, job);
        return resource(job);
    }

    /** The job {@code name}, answered when its delay has passed. */
    Map<String, Object> get(String name) {
        return resource(job(name));
    }

    /** The jobs under {@code parent}, newest first, one page of {@code pageSize} (default 100). */
    Map<String, Object> list(String parent, String pageSize, String pageToken) {
        int size;
        int from;
        try {
            size = pageSize == null ? 100 : Integer.parseInt(pageSize);
            from = pageToken == null || pageToken.isEmpty() ? 0 : Integer.parseInt(pageToken);
        } catch (NumberFormatException e) {
            throw ApiException.invalidArgument("pageSize", "pageSize and pageToken must be numbers.");
        }
        if (size <= 0 || from < 0) {
            throw ApiException.invalidArgument("pageSize", "pageSize must be positive.");
        }
        List<Job> all = jobs.values().stream()
                .filter(j -> j.name.startsWith(parent + "/"))
                .sorted((a, b) -> b.created.compareTo(a.created))
                .toList();
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = from; i < Math.min(all.size(), from + size); i++) {
            page.add(resource(all.get(i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            body.put("batchPredictionJobs", page);
        }
        if (from + size < all.size()) {
            body.put("nextPageToken", Integer.toString(from + size)); // absent on the last page
        }
        return body;
    }

    /** Cancels a job that has not finished ({@code JOB_STATE_CANCELLED}); a finished one is a 400. */
    Map<String, Object> cancel(String name) {
        Job job = job(name);
        synchronized (job) {
            if (isTerminal(job.state)) {
                throw ApiException.failedPrecondition(
                        "Batch prediction job " + name + " is already " + job.state + " and cannot be cancelled.");
            }
            job.state = "JOB_STATE_CANCELLED";
            job.ended = clock.instant();
        }
        return Map.of();
    }

    private Job job(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw ApiException.notFound("BatchPredictionJob `" + name + "` not found.");
        }
        return job;
    }

    private static boolean isTerminal(String state) {
        return state.equals("JOB_STATE_SUCCEEDED") || state.equals("JOB_STATE_CANCELLED");
    }

    private List<JsonNode> lines(byte[] file, String field) {
        List<JsonNode> out = new ArrayList<>();
        String[] text = new String(file, StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 0; i < text.length; i++) {
            if (text[i].isBlank()) {
                continue;
            }
            JsonNode line;
            try {
                line = mapper.readTree(text[i]);
            } catch (IOException e) {
                throw ApiException.invalidArgument(field, field + " line " + (i + 1) + " is not JSON.");
            }
            if (line == null || !line.path("request").isObject()) {
                throw ApiException.invalidArgument(
                        field, field + " line " + (i + 1) + " has no \"request\" object ({\"request\": {...}}).");
            }
            out.add(line);
        }
        return out;
    }

    private Map<String, Object> resource(Job job) {
        Instant now = clock.instant();
        Duration age = Duration.between(job.created, now);
        synchronized (job) {
            if (!isTerminal(job.state)) {
                if (age.compareTo(delay) >= 0) {
                    process(job);
                } else if (age.compareTo(delay.dividedBy(2)) >= 0) {
                    job.state = "JOB_STATE_RUNNING";
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", job.name);
        body.put("displayName", job.body.path("displayName").asText());
        body.put("model", job.body.path("model").asText());
        body.put("inputConfig", job.body.path("inputConfig"));
        body.put("outputConfig", job.body.path("outputConfig"));
        body.put("state", job.state);
        if (job.outputDirectory != null) {
            body.put("outputInfo", Map.of("gcsOutputDirectory", job.outputDirectory));
        }
        if (job.state.equals("JOB_STATE_CANCELLED")) {
            body.put("error", Map.of("code", 1, "message", "CANCELED"));
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("successfulCount", Long.toString(job.succeeded));
        stats.put("failedCount", Long.toString(job.failed));
        stats.put("incompleteCount", Long.toString(job.state.equals("JOB_STATE_SUCCEEDED") ? 0 : job.lines.size()));
        body.put("completionStats", stats);
        body.put("createTime", job.created.toString());
        if (!job.state.equals("JOB_STATE_PENDING")) {
            body.put("startTime", job.created.plus(delay.dividedBy(2)).toString());
        }
        if (job.ended != null) {
            body.put("endTime", job.ended.toString());
        }
        body.put("updateTime", (job.ended != null ? job.ended : now).toString());
        return body;
    }

    /** Answers every line and writes {@code predictions.jsonl}; called once, holding the job's lock. */
    private void process(Job job) {
        Instant now = clock.instant();
        StringBuilder out = new StringBuilder();
        for (JsonNode line : job.lines) {
            ObjectNode result = line.deepCopy();
            try {
                GenerationPlan plan = reader.read(mapper.writeValueAsBytes(line.get("request")));
                VertexApi.checkRoles(plan);
                var response = pipeline.generate(job.served, plan).response();
                result.set("response", mapper.valueToTree(VertexResponses.of(response, response.responseId(), now)));
                job.succeeded++;
            } catch (ApiException e) {
                result.put("status", e.getMessage());
                job.failed++;
            } catch (IOException e) {
                result.put("status", "Invalid request: " + e.getMessage());
                job.failed++;
            }
            result.put("processed_time", now.toString());
            try {
                out.append(mapper.writeValueAsString(result)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Matcher m = GS_PREFIX.matcher(job.outputPrefix);
        if (!m.matches()) {
            throw new IllegalStateException("checked at create: " + job.outputPrefix);
        }
        String directory = m.group(2) + "prediction-model-" + now.toString().replace(':', '-');
        gcs.put(
                m.group(1),
                directory + "/predictions.jsonl",
                out.toString().getBytes(StandardCharsets.UTF_8),
                "application/jsonl");
        job.outputDirectory = "gs://" + m.group(1) + "/" + directory;
        job.state = "JOB_STATE_SUCCEEDED";
        job.ended = now;
    }
}
