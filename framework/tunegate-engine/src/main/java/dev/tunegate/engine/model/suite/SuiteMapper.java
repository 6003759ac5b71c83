package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a suite's schema-checked tree onto an {@link EvalSuite}: name, variants, request settings,
 * cases and gate, collecting every problem before throwing them together in file order.
 */
final class SuiteMapper {

    private final SuiteFiles files;
    private final CaseFileReader caseFiles;

    SuiteMapper(SuiteFiles files, CaseFileReader caseFiles) {
        this.files = files;
        this.caseFiles = caseFiles;
    }

    /**
     * The suite, with every problem found added to {@code problems} (which may already hold the
     * schema's: the parts those concern are skipped rather than mapped).
     */
    EvalSuite map(PositionedTree tree, String contentHash, List<SuiteProblem> problems) {
        URI location = tree.file();
        JsonNode root = tree.root();
        String name = root.hasNonNull("suite") ? root.get("suite").asText() : defaultName(location);
        ObjectNode generationConfig = root.get("generationConfig") instanceof ObjectNode config ? config : null;
        Map<String, ModelVariant> variants = new VariantMapper(files, tree, problems, name).variants(generationConfig);
        JsonNode systemInstruction = root.get("systemInstruction");
        if (systemInstruction != null && systemInstruction.isTextual()) {
            systemInstruction = textContent(systemInstruction.asText());
        }
        List<EvalCase> cases = new CaseMapper(tree, problems, caseFiles).cases();
        Optional<JsonNode> gate = Optional.ofNullable(root.get("gate"));
        if (gate.isPresent() && gate.get().isObject()) {
            try {
                GateBlockCheck.check(tree, variants.keySet(), problems);
            } catch (RuntimeException e) {
                if (problems.isEmpty()) {
                    throw e;
                }
                // the schema's problems already say what is wrong with the gate block
            }
        }
        return new EvalSuite(
                location,
                name,
                variants,
                generationConfig,
                root.get("safetySettings"),
                systemInstruction,
                root.get("tools"),
                root.get("toolConfig"),
                List.copyOf(cases),
                gate,
                contentHash,
                tree.positionOf(""),
                root.hasNonNull("mode")
                        ? Optional.of("batch".equals(root.get("mode").asText()))
                        : Optional.empty());
    }

    /** A plain-text system instruction as a {@code Content} with one text part. */
    private static JsonNode textContent(String text) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.putArray("parts").addObject().put("text", text);
        return content;
    }

    /** The suite's name when it has no {@code suite:}: its file name without {@code .eval.yaml}. */
    static String defaultName(URI location) {
        String path = location.getPath() == null ? location.getSchemeSpecificPart() : location.getPath();
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.replaceFirst("(?i)\\.eval\\.ya?ml$", "");
    }
}
