package dev.tunegate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.emulator.generation.GenerationPipeline;
import dev.tunegate.emulator.generation.RequestReader;
import dev.tunegate.emulator.generation.ServedModel;
import dev.tunegate.emulator.http.ApiException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Gemini API's batch mode: {@code POST /v1beta/{model}:batchGenerateContent} with inline requests
 * creates a batch ({@code batches/{id}}, an operation), and {@code GET /v1beta/batches/{id}} reads its
 * state, progress ({@code batchStats}) and, once it succeeded, one inlined response (or error) per
 * request. Requests are answered by the emulator's normal models, all at once when the configured
 * delay has passed since the batch was created (until then the batch is pending, then running).
 */
final class BatchService {

    private static final String BATCH_TYPE =
            "type.googleapis.com/google.ai.generativelanguage.v1beta.GenerateContentBatch";
    private static final String OUTPUT_TYPE =
            "type.googleapis.com/google.ai.generativelanguage.v1beta.GenerateContentBatchOutput";

    private final ObjectMapper mapper;
    private final RequestReader reader;
    private final GenerationPipeline pipeline;
    private final Duration delay;
    private final Clock clock;
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();

    BatchService(ObjectMapper mapper, RequestReader reader, GenerationPipeline pipeline, Duration delay, Clock clock) {
        this.mapper = mapper;
        this.reader = reader;
        this.pipeline = pipeline;
        this.delay = delay;
        this.clock = clock;
    }

    /** One batch: its requests (as sent) and, once processed, their responses or errors. */
    private static final class Batch {
        final String name;
        final String model;
        final ServedModel served;
        final String displayName;
        final Instant created;
        final List<JsonNode> requests;
        final List<JsonNode> metadata;
        List<Map<String, Object>> results;

        Batch(
                String name,
                ServedModel served,
                String displayName,
                Instant created,
                List<JsonNode> requests,
                List<JsonNode> metadata) {
            this.name = name;
            this.model = served.name();
            this.served = served;
            this.displayName = displayName;
            this.created = created;
            this.requests = requests;
            this.metadata = metadata;
        }
    }

    /** Creates a batch of {@code body}'s inline requests for {@code model}; a 400 names what is missing. */
    Map<String, Object> create(ServedModel model, byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw ApiException.invalidArgument("Invalid JSON payload received. " + e.getMessage());
        }
        JsonNode batch = root == null ? null : root.get("batch");
        if (batch == null || !batch.isObject()) {
            throw ApiException.invalidArgument("batch", "batch is required: {\"batch\": {\"inputConfig\": {...}}}");
        }
        JsonNode input =
                batch.path("inputConfig").isMissingNode() ? batch.path("input_config") : batch.path("inputConfig");
        if (input.has("fileName") || input.has("file_name")) {
            throw ApiException.invalidArgument(
                    "batch.inputConfig.fileName",
                    "the TuneGate emulator serves batches of inline requests only (inputConfig.requests.requests)");
        }
        JsonNode list = input.path("requests").path("requests");
        if (!list.isArray() || list.isEmpty()) {
            throw ApiException.invalidArgument(
                    "batch.inputConfig.requests.requests", "at least one inline request is required");
        }
        List<JsonNode> requests = new ArrayList<>();
        List<JsonNode> metadata = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.path("request").isObject()) {
                throw ApiException.invalidArgument(
                        "batch.inputConfig.requests.requests[" + i + "].request", "request is required");
            }
            requests.add(item.get("request"));
            metadata.add(item.get("metadata"));
        }
        String name = "batches/" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Batch b = new Batch(name, model, batch.path("displayName").asText(null), clock.instant(), requests, metadata);
        batches.put(name, b);
        return operation(b);
    }

    /** The batch named {@code name} ({@code batches/{id}}), processed when its delay has passed. */
    Map<String, Object> get(String name) {
        Batch b = batches.get(name);
        if (b == null) {
            throw ApiException.notFound("Batch " + name + " was not found.");
        }
        return operation(b);
    }

    private Map<String, Object> operation(Batch b) {
        Duration age = Duration.between(b.created, clock.instant());
        boolean due = age.compareTo(delay) >= 0;
        synchronized (b) {
            if (due && b.results == null) {
                b.results = process(b, b.served);
            }
        }
        String state = b.results != null
                ? "BATCH_STATE_SUCCEEDED"
                : age.compareTo(delay.dividedBy(2)) >= 0 ? "BATCH_STATE_RUNNING" : "BATCH_STATE_PENDING";
        long failed = b.results == null
                ? 0
                : b.results.stream().filter(r -> r.containsKey("error")).count();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("requestCount", Long.toString(b.requests.size()));
        if (b.results != null) {
            stats.put("successfulRequestCount", Long.toString(b.requests.size() - failed));
            stats.put("failedRequestCount", Long.toString(failed));
        } else {
            stats.put("pendingRequestCount", Long.toString(b.requests.size()));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("@type", BATCH_TYPE);
        metadata.put("name", b.name);
        metadata.put("model", b.model);
        if (b.displayName != null) {
            metadata.put("displayName", b.displayName);
        }
        metadata.put("createTime", b.created.toString());
        metadata.put("updateTime", clock.instant().toString());
        metadata.put("batchStats", stats);
        metadata.put("state", state);
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("name", b.name);
        op.put("metadata", metadata);
        op.put("done", b.results != null);
        if (b.results != null) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("@type", OUTPUT_TYPE);
            response.put("inlinedResponses", Map.of("inlinedResponses", b.results));
            op.put("response", response);
        }
        return op;
    }

    /** Answers every request with the batch's model; a request the emulator rejects gets its error. */
    private List<Map<String, Object>> process(Batch b, ServedModel model) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < b.requests.size(); i++) {
            Map<String, Object> result = new LinkedHashMap<>();
            try {
                var plan = reader.read(mapper.writeValueAsBytes(b.requests.get(i)));
                result.put("response", pipeline.generate(model, plan).response());
            } catch (ApiException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", e.httpStatus());
                error.put("message", e.getMessage());
                result.put("error", error);
            } catch (IOException e) {
                result.put("error", Map.of("code", 400, "message", "Invalid request: " + e.getMessage()));
            }
            if (b.metadata.get(i) != null) {
                result.put("metadata", b.metadata.get(i));
            }
            results.add(result);
        }
        return results;
    }
}
