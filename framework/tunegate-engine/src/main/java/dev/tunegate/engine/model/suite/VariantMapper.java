package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.engine.config.CheckpointSelection;
import java.io.IOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a suite's {@code models:} onto {@link ModelVariant}s: the suite's generation config merged
 * with each variant's, and a {@code tune:} block whose training data must exist.
 */
final class VariantMapper {

    /**
     * The model of a variant with a Vertex AI tune block until the run knows its job's endpoint: this prefix and
     * the job's display name.
     */
    static final String VARIANT_JOB_PREFIX = "tuningJobs/";

    private final SuiteFiles files;
    private final PositionedTree tree;
    private final List<SuiteProblem> problems;
    private final String suiteName;

    VariantMapper(SuiteFiles files, PositionedTree tree, List<SuiteProblem> problems, String suiteName) {
        this.suiteName = suiteName;
        this.files = files;
        this.tree = tree;
        this.problems = problems;
    }

    Map<String, ModelVariant> variants(ObjectNode generationConfig) {
        Map<String, ModelVariant> variants = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        tree.root().path("models").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            int known = problems.size();
            try {
                variant(entry, generationConfig, variants);
            } catch (RuntimeException e) {
                if (known == 0) {
                    throw e;
                }
                // a variant the schema rejected: its problem is already reported
            }
        }
        return variants;
    }

    private void variant(
            Map.Entry<String, JsonNode> entry, ObjectNode generationConfig, Map<String, ModelVariant> variants) {
        {
            String pointer = PositionedTree.child("/models", entry.getKey());
            JsonNode spec = entry.getValue();
            ObjectNode config =
                    generationConfig == null ? JsonNodeFactory.instance.objectNode() : generationConfig.deepCopy();
            if (spec.isTextual()) {
                variants.put(
                        entry.getKey(),
                        new ModelVariant(
                                entry.getKey(),
                                spec.asText(),
                                Optional.empty(),
                                config,
                                Optional.empty(),
                                tree.positionOf(pointer)));
                return;
            }
            if (spec.has("generationConfig")) {
                config.setAll((ObjectNode) spec.get("generationConfig"));
            }
            JsonNode tuneNode = spec.get("tune");
            boolean vertexTune = tuneNode != null
                    && "vertex".equals(tuneNode.path("provider").textValue());
            Optional<TuneSpec> tune = tuneNode != null
                    ? Optional.ofNullable(
                            vertexTune
                                    ? vertexTune(tuneNode, pointer + "/tune", entry.getKey())
                                    : tune(tuneNode, pointer + "/tune"))
                    : Optional.empty();
            Optional<String> job = Optional.ofNullable(spec.path("tuningJob").textValue());
            Optional<CheckpointSelection> checkpoints = checkpoints(spec.get("checkpoints"), pointer + "/checkpoints");
            String model = spec.path("model").textValue();
            if (!sourceProblems(spec, pointer, vertexTune, job.isPresent())) {
                if (job.isPresent()) {
                    model = job.get();
                } else if (vertexTune && tune.isPresent()) {
                    model = VARIANT_JOB_PREFIX + tune.get().displayName().orElseThrow();
                }
            }
            if (model == null && vertexTune) {
                model = VARIANT_JOB_PREFIX + entry.getKey(); // a broken tune block: its problems are reported
            }
            if (model == null) {
                return;
            }
            variants.put(
                    entry.getKey(),
                    new ModelVariant(
                                    entry.getKey(),
                                    model,
                                    Optional.ofNullable(spec.path("role").textValue()),
                                    config,
                                    tune,
                                    tree.positionOf(pointer),
                                    Optional.empty(),
                                    job,
                                    checkpoints)
                            .withReplayOnly(spec.path("replayOnly").asBoolean(false)));
        }
    }

    /**
     * The problems of how a variant names its model: {@code model}, {@code tuningJob} or a Vertex AI {@code tune}
     * block, exactly one; a Gemini API tune block with a {@code tunedModels/} model; {@code checkpoints} only with a
     * Vertex AI tuning job. True when there is a problem.
     */
    private boolean sourceProblems(JsonNode spec, String pointer, boolean vertexTune, boolean job) {
        int known = problems.size();
        boolean model = spec.has("model");
        String name = spec.path("model").asText();
        if (job && (model || spec.has("tune"))) {
            problems.add(tree.problem(
                    pointer + "/tuningJob",
                    "a variant with tuningJob calls that job's tuned model: remove " + (model ? "'model'" : "'tune'")));
        } else if (vertexTune && model) {
            problems.add(tree.problem(
                    pointer + "/model",
                    "a tune block with provider: vertex creates a Vertex AI tuning job whose endpoint the variant"
                            + " calls: remove 'model: " + name + "'"));
        } else if (spec.has("tune") && !vertexTune && !model) {
            problems.add(tree.problem(
                    pointer + "/tune",
                    "a Gemini API tune block (provider: gemini, the default) needs the variant's model:"
                            + " tunedModels/<id>; for a Vertex AI tuning job write provider: vertex"));
        } else if (spec.has("tune") && !vertexTune && !name.startsWith("tunedModels/")) {
            problems.add(tree.problem(
                    pointer + "/model", "a variant with 'tune' must name a tunedModels/… model, not '" + name + "'"));
        }
        if (spec.has("checkpoints") && !job && !vertexTune) {
            problems.add(tree.problem(
                    pointer + "/checkpoints",
                    "checkpoints are those of a Vertex AI tuning job: give the variant tuningJob:"
                            + " projects/P/locations/L/tuningJobs/J or a tune block with provider: vertex"));
        }
        return problems.size() > known;
    }

    private Optional<CheckpointSelection> checkpoints(JsonNode node, String pointer) {
        if (node == null) {
            return Optional.empty();
        }
        try {
            if (node.isArray()) {
                List<String> ids = new java.util.ArrayList<>();
                node.forEach(id -> ids.add(id.asText()));
                return Optional.of(CheckpointSelection.parse(String.join(",", ids)));
            }
            return Optional.of(CheckpointSelection.parse(node.asText()));
        } catch (IllegalArgumentException e) {
            problems.add(tree.problem(pointer, "checkpoints: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * A {@code provider: vertex} tune block: local training and validation files must exist and be Vertex AI tuning
     * JSONL ({@link VertexTrainingCheck}); {@code gs://} URIs are taken as they are. Its display name defaults to
     * {@code <suite>-<variant>}.
     */
    private TuneSpec vertexTune(JsonNode node, String pointer, String variant) {
        int known = problems.size();
        for (String gemini : List.of("hyperparameters", "description")) {
            if (node.has(gemini)) {
                problems.add(tree.problem(
                        pointer + "/" + gemini,
                        "'" + gemini + "' is a Gemini API tune setting; a Vertex AI tune block has "
                                + ("description".equals(gemini)
                                        ? "displayName"
                                        : "hyperParameters {epochCount, learningRateMultiplier, adapterSize}")));
            }
        }
        URI training = vertexData(node.get("trainingData").asText(), pointer + "/trainingData");
        Optional<URI> validation = node.has("validationData")
                ? Optional.ofNullable(vertexData(node.get("validationData").asText(), pointer + "/validationData"))
                : Optional.empty();
        if (training == null || problems.size() > known) {
            return null;
        }
        return new TuneSpec(
                node.get("baseModel").asText(),
                training,
                node.get("hyperParameters"),
                Optional.of(Optional.ofNullable(node.path("displayName").textValue())
                        .orElse(suiteName + "-" + variant)),
                Optional.empty(),
                tree.positionOf(pointer),
                TuneSpec.Provider.VERTEX,
                validation);
    }

    private URI vertexData(String written, String pointer) {
        if (written.startsWith("gs://")) {
            try {
                URI uri = new URI(written);
                if (uri.getHost() == null
                        || uri.getPath() == null
                        || uri.getPath().length() < 2) {
                    throw new java.net.URISyntaxException(written, "no bucket or object");
                }
                return uri;
            } catch (java.net.URISyntaxException e) {
                problems.add(tree.problem(pointer, "'" + written + "' is not a gs://BUCKET/OBJECT URI"));
                return null;
            }
        }
        URI data = existingFile(written, pointer);
        if (data == null) {
            return null;
        }
        if (!"jsonl".equals(SuiteFiles.extension(data))) {
            problems.add(tree.problem(
                    pointer,
                    SuiteLocations.display(data) + ": Vertex AI tuning data is JSONL (a .jsonl file), one"
                            + " {\"contents\": [...]} example per line"));
            return null;
        }
        try {
            List<SuiteProblem> found = VertexTrainingCheck.problems(
                    data,
                    Utf8Text.decode(data, files.readBytes(data)),
                    SuiteLocations.display(data) + " has no tuning examples");
            problems.addAll(found);
            return found.isEmpty() ? data : null;
        } catch (SuiteException e) {
            problems.addAll(e.problems());
        } catch (IOException e) {
            problems.add(tree.problem(pointer, "cannot read " + SuiteLocations.display(data) + ": " + e.getMessage()));
        }
        return null;
    }

    private TuneSpec tune(JsonNode node, String pointer) {
        for (String vertex : List.of("hyperParameters", "validationData")) {
            if (node.has(vertex)) {
                problems.add(tree.problem(
                        pointer + "/" + vertex,
                        "'" + vertex + "' is a Vertex AI tune setting: write provider: vertex, or"
                                + ("hyperParameters".equals(vertex)
                                        ? " hyperparameters (lower-case p) for the Gemini API"
                                        : " leave it out for the Gemini API")));
            }
        }
        if (!node.path("baseModel").asText().startsWith("models/")) {
            problems.add(tree.problem(
                    pointer + "/baseModel",
                    "a Gemini API tune block tunes a models/… base model, not '"
                            + node.path("baseModel").asText()
                            + "' (for a Vertex AI tuning job write provider: vertex)"));
        }
        if (node.path("displayName").asText().length() > 40) {
            problems.add(tree.problem(
                    pointer + "/displayName", "a Gemini API tuned model's displayName has at most 40 characters"));
        }
        URI data = existingFile(node.get("trainingData").asText(), pointer + "/trainingData");
        if (data == null) {
            return null;
        }
        checkTrainingData(data, pointer + "/trainingData");
        return new TuneSpec(
                node.get("baseModel").asText(),
                data,
                node.get("hyperparameters"),
                Optional.ofNullable(node.path("displayName").textValue()),
                Optional.ofNullable(node.path("description").textValue()),
                tree.positionOf(pointer));
    }

    /**
     * The training data is checked now, at discovery, with the file and line of each bad record,
     * rather than when tuning starts: JSONL or CSV records with {@code textInput} (or
     * {@code text_input}) and {@code output}, at least one.
     */
    private void checkTrainingData(URI data, String pointer) {
        String text;
        try {
            text = Utf8Text.decode(data, files.readBytes(data));
        } catch (SuiteException e) {
            problems.addAll(e.problems());
            return;
        } catch (IOException e) {
            problems.add(tree.problem(pointer, "cannot read " + SuiteLocations.display(data) + ": " + e.getMessage()));
            return;
        }
        boolean csv = "csv".equals(SuiteFiles.extension(data));
        int examples = 0;
        for (RecordFiles.Row row : csv ? RecordFiles.csvRows(text) : RecordFiles.jsonLines(text)) {
            SourcePosition at = new SourcePosition(row.line(), row.column());
            if (row.isMalformed()) {
                problems.add(
                        new SuiteProblem(data, at, "malformed " + (csv ? "CSV" : "JSON") + ": " + row.malformed()));
                continue;
            }
            JsonNode node = row.value();
            JsonNode input = node.hasNonNull("textInput") ? node.get("textInput") : node.path("text_input");
            if (!node.isObject() || !input.isTextual() || !node.path("output").isTextual()) {
                problems.add(new SuiteProblem(
                        data, at, "a training example needs the text fields textInput (or text_input) and output"));
                continue;
            }
            examples++;
        }
        if (examples == 0 && problems.stream().noneMatch(p -> p.file().equals(data))) {
            problems.add(tree.problem(pointer, SuiteLocations.display(data) + " has no training examples"));
        }
    }

    private URI existingFile(String relative, String pointer) {
        URI uri;
        try {
            uri = files.resolve(tree.file(), relative);
        } catch (IllegalArgumentException e) {
            problems.add(tree.problem(pointer, e.getMessage()));
            return null;
        }
        try {
            files.readBytes(uri);
            return uri;
        } catch (NoSuchFileException e) {
            problems.add(tree.problem(
                    pointer, "file not found: " + relative + " (resolved to " + SuiteLocations.display(uri) + ")"));
        } catch (IOException e) {
            problems.add(tree.problem(pointer, "cannot read " + relative + ": " + e.getMessage()));
        }
        return null;
    }
}
