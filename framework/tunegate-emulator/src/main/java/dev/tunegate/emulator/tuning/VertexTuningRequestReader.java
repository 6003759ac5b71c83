package dev.tunegate.emulator.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.storage.GcsDirectory;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a Vertex AI {@code tuningJobs.create} body and reads its datasets from the emulator's Cloud
 * Storage. Every problem is a 400 INVALID_ARGUMENT naming the field: a missing {@code baseModel} or
 * one that cannot be tuned, a missing or unreadable {@code supervisedTuningSpec.trainingDatasetUri}
 * (with the line of a bad JSONL line), {@code hyperParameters} out of range, unknown fields (so that
 * {@code hyperparameters} in lower case is caught).
 */
final class VertexTuningRequestReader {

    private static final Set<String> TOP_LEVEL = Set.of(
            "baseModel",
            "supervisedTuningSpec",
            "tunedModelDisplayName",
            "description",
            "labels",
            "serviceAccount",
            "encryptionSpec",
            "experiment",
            "outputUri",
            "preTunedModel");
    private static final Set<String> SPEC = Set.of(
            "trainingDatasetUri",
            "validationDatasetUri",
            "hyperParameters",
            "exportLastCheckpointOnly",
            "tuningMode",
            "evaluationConfig");
    private static final Set<String> HYPER =
            Set.of("epochCount", "learningRateMultiplier", "adapterSize", "batchSize", "learningRate");
    private static final Set<String> ADAPTER_SIZES = Set.of(
            "ADAPTER_SIZE_UNSPECIFIED",
            "ADAPTER_SIZE_ONE",
            "ADAPTER_SIZE_TWO",
            "ADAPTER_SIZE_FOUR",
            "ADAPTER_SIZE_EIGHT",
            "ADAPTER_SIZE_SIXTEEN",
            "ADAPTER_SIZE_THIRTY_TWO");
    private static final Pattern BASE_MODEL = Pattern.compile(
            "(?:(?:projects/[^/]+/locations/[^/]+/)?publishers/google/models/|models/)?([A-Za-z0-9._-]+)");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final int MAX_DISPLAY_NAME = 128;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Set<String> tunableModels;
    private final GcsDirectory gcs;
    private final VertexTrainingData data = new VertexTrainingData();

    VertexTuningRequestReader(Set<String> tunableModels, GcsDirectory gcs) {
        this.tunableModels = Set.copyOf(tunableModels);
        this.gcs = gcs;
    }

    VertexTuningRequest read(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidArgument("Invalid JSON payload received. " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.invalidArgument("Invalid JSON payload received. " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalidArgument("tuningJob", "The request body must be a TuningJob JSON object.");
        }
        known(root, TOP_LEVEL, "");
        String baseModel = text(root, "baseModel", "baseModel");
        if (baseModel == null || baseModel.isBlank()) {
            throw ApiException.invalidArgument(
                    "baseModel", "baseModel is required: the model to tune, e.g. gemini-2.5-flash.");
        }
        var m = BASE_MODEL.matcher(baseModel.strip());
        String served = m.matches() ? "models/" + m.group(1) : null;
        if (served == null || !tunableModels.contains(served)) {
            throw ApiException.invalidArgument(
                    "baseModel",
                    "baseModel '" + baseModel + "' cannot be tuned by this emulator; tunable: "
                            + tunableModels.stream()
                                    .map(n -> n.substring("models/".length()))
                                    .sorted()
                                    .toList()
                            + ".");
        }
        String displayName = text(root, "tunedModelDisplayName", "tunedModelDisplayName");
        if (displayName != null && displayName.length() > MAX_DISPLAY_NAME) {
            throw ApiException.invalidArgument(
                    "tunedModelDisplayName",
                    "tunedModelDisplayName must be at most " + MAX_DISPLAY_NAME + " characters.");
        }
        Map<String, String> labels = labels(root.get("labels"));
        JsonNode specNode = root.get("supervisedTuningSpec");
        if (specNode == null || !specNode.isObject()) {
            throw ApiException.invalidArgument(
                    "supervisedTuningSpec",
                    "supervisedTuningSpec is required (the emulator serves supervised tuning only), with"
                            + " trainingDatasetUri.");
        }
        ObjectNode spec = ((ObjectNode) specNode).deepCopy();
        known(spec, SPEC, "supervisedTuningSpec.");
        String trainingField = "supervisedTuningSpec.trainingDatasetUri";
        String trainingUri = text(spec, "trainingDatasetUri", trainingField);
        if (trainingUri == null || trainingUri.isBlank()) {
            throw ApiException.invalidArgument(
                    trainingField, trainingField + " is required: a gs://BUCKET/OBJECT JSONL file.");
        }
        List<TrainingExample> examples = data.read(gcs.readUri(trainingUri, trainingField), trainingField, trainingUri);
        String validationField = "supervisedTuningSpec.validationDatasetUri";
        String validationUri = text(spec, "validationDatasetUri", validationField);
        List<TrainingExample> validation = validationUri == null || validationUri.isBlank()
                ? List.of()
                : data.read(gcs.readUri(validationUri, validationField), validationField, validationUri);
        JsonNode hyper = spec.get("hyperParameters");
        Integer epochs = null;
        Double multiplier = null;
        Integer batchSize = null;
        Double learningRate = null;
        if (hyper != null && !hyper.isNull()) {
            String at = "supervisedTuningSpec.hyperParameters";
            if (!hyper.isObject()) {
                throw ApiException.invalidArgument(at, at + " must be an object.");
            }
            known(hyper, HYPER, at + ".");
            epochs = integer(hyper, "epochCount", at, TuningLimits.MIN_EPOCHS, TuningLimits.MAX_EPOCHS);
            batchSize = integer(hyper, "batchSize", at, TuningLimits.MIN_BATCH, TuningLimits.MAX_BATCH);
            multiplier = positive(hyper, "learningRateMultiplier", at, TuningLimits.MAX_LEARNING_RATE_MULTIPLIER);
            learningRate = positive(hyper, "learningRate", at, TuningLimits.MAX_LEARNING_RATE);
            JsonNode adapter = hyper.get("adapterSize");
            if (adapter != null && !(adapter.isTextual() && ADAPTER_SIZES.contains(adapter.asText()))) {
                throw ApiException.invalidArgument(
                        at + ".adapterSize",
                        at + ".adapterSize must be one of "
                                + ADAPTER_SIZES.stream().sorted().toList() + ", got " + adapter + ".");
            }
        }
        JsonNode exportLast = spec.get("exportLastCheckpointOnly");
        if (exportLast != null && !exportLast.isBoolean()) {
            throw ApiException.invalidArgument(
                    "supervisedTuningSpec.exportLastCheckpointOnly",
                    "supervisedTuningSpec.exportLastCheckpointOnly must be true or false.");
        }
        TuningPlan plan = TuningPlan.resolve(examples.size(), epochs, batchSize, learningRate, multiplier);
        if (plan.totalSteps() > TuningLimits.MAX_TOTAL_STEPS) {
            throw ApiException.invalidArgument(
                    "supervisedTuningSpec.hyperParameters",
                    "this job would take " + plan.totalSteps() + " steps; the emulator allows at most "
                            + TuningLimits.MAX_TOTAL_STEPS + ".");
        }
        ObjectNode echoedHyper = spec.putObject("hyperParameters");
        echoedHyper.put("epochCount", Integer.toString(plan.epochCount()));
        if (multiplier != null || learningRate == null) {
            echoedHyper.put("learningRateMultiplier", multiplier != null ? multiplier : 1.0);
        }
        if (learningRate != null) {
            echoedHyper.put("learningRate", learningRate);
        }
        if (batchSize != null) {
            echoedHyper.put("batchSize", Integer.toString(batchSize));
        }
        echoedHyper.put(
                "adapterSize",
                hyper != null && hyper.has("adapterSize")
                        ? hyper.get("adapterSize").asText()
                        : "ADAPTER_SIZE_FOUR");
        return new VertexTuningRequest(
                baseModel,
                served,
                displayName,
                text(root, "description", "description"),
                labels,
                spec,
                examples,
                validation,
                plan,
                exportLast != null && exportLast.asBoolean());
    }

    private static void known(JsonNode node, Set<String> fields, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                String where = prefix.isEmpty() ? "" : " at '" + prefix.substring(0, prefix.length() - 1) + "'";
                throw ApiException.invalidArgument(
                        prefix + name,
                        "Invalid JSON payload received. Unknown name \"" + name + "\"" + where
                                + ": Cannot find field.");
            }
        }
    }

    private static String text(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.invalidArgument(field, field + " must be a string, got " + value + ".");
        }
        return value.asText();
    }

    /** An int64 field: a JSON number or, as proto3 JSON writes it, a string of digits. */
    private static Integer integer(JsonNode hyper, String name, String at, int min, int max) {
        JsonNode value = hyper.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        String field = at + "." + name;
        long n;
        if (value.isIntegralNumber()) {
            n = value.asLong();
        } else if (value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
            n = Long.parseLong(value.asText());
        } else {
            throw ApiException.invalidArgument(field, field + " must be an integer, got " + value + ".");
        }
        if (n < min || n > max) {
            throw ApiException.invalidArgument(field, field + " must be in [" + min + ", " + max + "], got " + n + ".");
        }
        return (int) n;
    }

    private static Double positive(JsonNode hyper, String name, String at, double max) {
        JsonNode value = hyper.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        String field = at + "." + name;
        if (!value.isNumber() || !(value.asDouble() > 0 && value.asDouble() <= max)) {
            throw ApiException.invalidArgument(
                    field, field + " must be a number in (0, " + max + "], got " + value + ".");
        }
        return value.asDouble();
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return labels;
        }
        if (!node.isObject()) {
            throw ApiException.invalidArgument("labels", "labels must be an object of strings.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "labels." + e.getKey();
            if (!LABEL_KEY.matcher(e.getKey()).matches()) {
                throw ApiException.invalidArgument(
                        field,
                        "Label key '" + e.getKey() + "' must start with a lower-case letter and hold at most 63"
                                + " lower-case letters, digits, '-' and '_'.");
            }
            if (!e.getValue().isTextual() || e.getValue().asText().length() > 63) {
                throw ApiException.invalidArgument(
                        field, field + " must be a string of at most 63 characters, got " + e.getValue() + ".");
            }
            labels.put(e.getKey(), e.getValue().asText());
        }
        return labels;
    }
}
