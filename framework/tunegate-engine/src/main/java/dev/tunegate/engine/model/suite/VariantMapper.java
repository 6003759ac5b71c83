package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private final SuiteFiles files;
    private final PositionedTree tree;
    private final List<SuiteProblem> problems;

    VariantMapper(SuiteFiles files, PositionedTree tree, List<SuiteProblem> problems) {
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
            Optional<TuneSpec> tune = spec.has("tune")
                    ? Optional.ofNullable(tune(spec.get("tune"), pointer + "/tune"))
                    : Optional.empty();
            variants.put(
                    entry.getKey(),
                    new ModelVariant(
                                    entry.getKey(),
                                    spec.get("model").asText(),
                                    Optional.ofNullable(spec.path("role").textValue()),
                                    config,
                                    tune,
                                    tree.positionOf(pointer))
                            .withReplayOnly(spec.path("replayOnly").asBoolean(false)));
            if (tune.isPresent() && !spec.get("model").asText().startsWith("tunedModels/")) {
                problems.add(tree.problem(
                        pointer + "/model",
                        "a variant with 'tune' must name a tunedModels/… model, not '"
                                + spec.get("model").asText() + "'"));
            }
        }
    }

    private TuneSpec tune(JsonNode node, String pointer) {
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
