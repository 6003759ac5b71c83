package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Checks a Vertex AI supervised tuning file at discovery, before it is uploaded: JSONL, one example per line, each
 * {@code {"contents": [{"role": "user", "parts": [...]}, {"role": "model", "parts": [...]}], "systemInstruction":
 * {...}}} with roles {@code user} and {@code model}, at least one model turn (the answer to learn) and an optional
 * {@code systemInstruction} Content. Every bad line is a problem at its file and line. {@code tunegate tune --vertex}
 * checks its data file with it too.
 */
@API(status = API.Status.INTERNAL)
public final class VertexTrainingCheck {

    private VertexTrainingCheck() {}

    /** The problems of {@code text}, the content of {@code file}; {@code none} when it holds no example. */
    public static List<SuiteProblem> problems(URI file, String text, String none) {
        List<SuiteProblem> problems = new ArrayList<>();
        int examples = 0;
        for (RecordFiles.Row row : RecordFiles.jsonLines(text)) {
            SourcePosition at = new SourcePosition(row.line(), row.column());
            if (row.isMalformed()) {
                problems.add(new SuiteProblem(file, at, "malformed JSON: " + row.malformed()));
                continue;
            }
            String problem = problem(row.value());
            if (problem != null) {
                problems.add(new SuiteProblem(file, at, "a Vertex AI tuning example " + problem));
                continue;
            }
            examples++;
        }
        if (examples == 0 && problems.isEmpty()) {
            problems.add(new SuiteProblem(file, SourcePosition.START, none));
        }
        return problems;
    }

    private static String problem(JsonNode example) {
        if (!example.isObject()) {
            return "is a JSON object with contents (and optionally systemInstruction), not " + example.getNodeType();
        }
        JsonNode contents = example.get("contents");
        if (contents == null || !contents.isArray() || contents.isEmpty()) {
            return "needs contents: a list of turns {\"role\": \"user\"|\"model\", \"parts\": [{\"text\": …}]}"
                    + (example.has("textInput") || example.has("text_input") || example.has("messages")
                            ? " (this line is in another format: Gemini API textInput/output or chat messages)"
                            : "");
        }
        boolean answer = false;
        for (int i = 0; i < contents.size(); i++) {
            JsonNode turn = contents.get(i);
            String role = turn.path("role").textValue();
            if (!"user".equals(role) && !"model".equals(role)) {
                return "has contents[" + i + "] with role " + (role == null ? "missing" : "'" + role + "'")
                        + ": every turn needs role user or model";
            }
            if (!hasParts(turn)) {
                return "has contents[" + i + "] without parts: every turn needs parts, e.g. [{\"text\": \"…\"}]";
            }
            answer |= "model".equals(role);
        }
        if (!answer) {
            return "has no turn with role model: the answer to learn";
        }
        JsonNode system = example.get("systemInstruction");
        if (system != null && !hasParts(system)) {
            return "has a systemInstruction that is not a Content with parts, e.g. {\"parts\": [{\"text\": \"…\"}]}";
        }
        return null;
    }

    private static boolean hasParts(JsonNode content) {
        JsonNode parts = content.path("parts");
        if (!parts.isArray() || parts.isEmpty()) {
            return false;
        }
        for (JsonNode part : parts) {
            if (!part.isObject() || part.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
