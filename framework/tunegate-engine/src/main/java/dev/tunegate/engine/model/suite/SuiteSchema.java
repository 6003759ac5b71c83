package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.tunegate.client.ModelName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The published suite format ({@code tunegate-suite.schema.json}, JSON Schema draft 2020-12) and
 * checks of suite documents against it, with every error placed at its line and column.
 */
@API(status = API.Status.INTERNAL)
public final class SuiteSchema {

    /** Classpath location of the published schema. */
    public static final String RESOURCE = "tunegate-suite.schema.json";

    private static final SuiteSchema INSTANCE = new SuiteSchema();

    private final Schema suite;
    private final Schema singleCase;

    private SuiteSchema() {
        JsonNode root;
        try (InputStream in = SuiteSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        this.suite = registry.getSchema(root);
        ObjectNode caseOnly = root.deepCopy();
        caseOnly.remove(List.of("properties", "required", "additionalProperties", "type", "title", "description"));
        caseOnly.put("$id", root.path("$id").asText() + "#case-file-entry");
        caseOnly.put("$ref", "#/$defs/case");
        this.singleCase = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(caseOnly);
    }

    static SuiteSchema get() {
        return INSTANCE;
    }

    /** Problems of a whole suite document. */
    List<SuiteProblem> check(PositionedTree tree) {
        return toProblems(tree, "", suite.validate(tree.root()));
    }

    /** Problems of one case read from a {@code casesFrom} file, the case being at {@code pointer} in {@code tree}. */
    List<SuiteProblem> checkCase(PositionedTree tree, String pointer, JsonNode caseNode) {
        return toProblems(tree, pointer, singleCase.validate(caseNode));
    }

    private static List<SuiteProblem> toProblems(PositionedTree tree, String base, List<Error> errors) {
        List<SuiteProblem> problems = new ArrayList<>();
        for (Error error : errors) {
            String pointer = base + pointer(error.getInstanceLocation());
            String field = pointer.isEmpty() ? "the document" : "'" + pointer.substring(1) + "'";
            String keyword = error.getKeyword() == null ? "" : error.getKeyword();
            if (keyword.equals("required")
                    && error.getEvaluationPath() != null
                    && error.getEvaluationPath().toString().contains("anyOf")) {
                keyword = "anyOf";
            }
            String message = switch (keyword) {
                case "anyOf" -> field + ": a case needs a 'prompt' or 'contents'";
                case "dependentSchemas", "not" -> field + ": a case has either 'prompt' or 'contents', not both";
                case "additionalProperties" -> field + ": unknown field '" + error.getProperty() + "'";
                case "minProperties", "maxProperties" ->
                    pointer.contains("/expect/")
                            ? field
                                    + ": an expect entry names exactly one matcher, e.g. {contains: refund}; write one list item per matcher"
                            : field + ": " + error.getMessage();
                case "pattern" -> field + ": " + patternMessage(error);
                default -> field + ": " + error.getMessage();
            };
            SuiteProblem problem = tree.problem(pointer, message);
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }
        return problems;
    }

    private static String patternMessage(Error error) {
        String schema = String.valueOf(error.getSchemaLocation());
        String value =
                error.getInstanceNode() == null ? "" : error.getInstanceNode().asText();
        if (schema.contains("geminiModelName")) {
            return "'" + value + "' is not a Gemini API model name such as models/gemini-1.5-flash-001";
        }
        if (schema.contains("modelName")) {
            return "'" + value + "' is not a model name such as models/gemini-1.5-flash-001, tunedModels/my-model or"
                    + " projects/P/locations/L/endpoints/E (the forms: " + ModelName.FORMS + ")";
        }
        if (schema.contains("tags")) {
            return "'" + value + "' is not a valid tag (no spaces, commas, parentheses, '&', '|' or '!')";
        }
        if (schema.contains("/name")) {
            return "'" + value
                    + "' is not a valid name (letters, digits, '_', '.', '-', starting with a letter or digit)";
        }
        return error.getMessage();
    }

    private static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Number n) {
                sb.append('/').append(n.intValue());
            } else {
                sb.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
            }
        }
        return sb.toString();
    }
}
