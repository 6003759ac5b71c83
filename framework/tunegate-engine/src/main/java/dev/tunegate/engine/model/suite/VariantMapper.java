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
                        tree.root().get("models").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
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
                continue;
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
                            tree.positionOf(pointer)));
            if (tune.isPresent() && !spec.get("model").asText().startsWith("tunedModels/")) {
                problems.add(tree.problem(
                        pointer + "/model",
                        "a variant with 'tune' must name a tunedModels/… model, not '"
                                + spec.get("model").asText() + "'"));
            }
        }
        return variants;
    }

    private TuneSpec tune(JsonNode node, String pointer) {
        URI data = existingFile(node.get("trainingData").asText(), pointer + "/trainingData");
        if (data == null) {
            return null;
        }
        return new TuneSpec(
                node.get("baseModel").asText(),
                data,
                node.get("hyperparameters"),
                Optional.ofNullable(node.path("displayName").textValue()),
                Optional.ofNullable(node.path("description").textValue()),
                tree.positionOf(pointer));
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
