package dev.tunegate.emulator.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.emulator.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Vertex AI supervised tuning dataset: JSON Lines in the Gemini format, one
 * {@code {"contents": [{"role": "user", "parts": [{"text": ...}]}, {"role": "model", ...}],
 * "systemInstruction": ...}} per line. Each line becomes one {@link TrainingExample}: the text of the
 * last user turn before the final model turn, and that model turn's text. A line that is not such an
 * object is a 400 naming the request field and the line.
 */
final class VertexTrainingData {

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The examples of {@code jsonl}.
     *
     * @param field the request field that named the dataset, e.g. {@code supervisedTuningSpec.trainingDatasetUri}
     * @param uri   the dataset's URI, named in errors
     */
    List<TrainingExample> read(byte[] jsonl, String field, String uri) {
        String[] lines = new String(jsonl, StandardCharsets.UTF_8).split("\r?\n", -1);
        List<TrainingExample> examples = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            examples.add(example(line, field, uri + " line " + (i + 1)));
        }
        if (examples.isEmpty()) {
            throw ApiException.invalidArgument(field, field + ": " + uri + " holds no examples.");
        }
        if (examples.size() > TuningLimits.MAX_EXAMPLES) {
            throw ApiException.invalidArgument(
                    field,
                    field + ": " + uri + " holds " + examples.size() + " examples; the emulator accepts at most "
                            + TuningLimits.MAX_EXAMPLES + ".");
        }
        return examples;
    }

    private TrainingExample example(String line, String field, String where) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw bad(field, where, "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw bad(field, where, "must be a JSON object with contents");
        }
        JsonNode contents = node.get("contents");
        if (contents == null || !contents.isArray() || contents.isEmpty()) {
            throw bad(field, where, "needs contents: a list of turns with role user and model");
        }
        String input = null;
        String output = null;
        for (int i = 0; i < contents.size(); i++) {
            JsonNode turn = contents.get(i);
            String role = turn.path("role").asText("");
            if (!role.equals("user") && !role.equals("model")) {
                throw bad(field, where, "contents[" + i + "].role must be user or model, got '" + role + "'");
            }
            String text = text(turn.path("parts"));
            if (text.isEmpty()) {
                throw bad(field, where, "contents[" + i + "] needs parts with text");
            }
            if (role.equals("user")) {
                input = text;
                output = null;
            } else if (input != null) {
                output = text;
            }
        }
        if (input == null || output == null) {
            throw bad(field, where, "needs a user turn followed by a model turn (the answer to learn)");
        }
        if (input.length() > TuningLimits.MAX_INPUT_CHARS || output.length() > TuningLimits.MAX_OUTPUT_CHARS) {
            throw bad(
                    field,
                    where,
                    "is too long (at most " + TuningLimits.MAX_INPUT_CHARS + " input and "
                            + TuningLimits.MAX_OUTPUT_CHARS + " output characters)");
        }
        return new TrainingExample(input, output);
    }

    private static String text(JsonNode parts) {
        StringBuilder sb = new StringBuilder();
        if (parts.isArray()) {
            for (JsonNode part : parts) {
                sb.append(part.path("text").asText(""));
            }
        }
        return sb.toString();
    }

    private static ApiException bad(String field, String where, String problem) {
        return ApiException.invalidArgument(field, field + ": " + where + " " + problem + ".");
    }
}
