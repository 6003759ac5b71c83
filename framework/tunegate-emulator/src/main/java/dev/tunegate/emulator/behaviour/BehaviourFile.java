package dev.tunegate.emulator.behaviour;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a behaviour file: JSON (comments and trailing commas allowed) of the form
 * <pre>{@code
 * {"rules": [
 *   {"pattern": "refund|money back", "responses": ["{\"intent\":\"refund\"}"]},
 *   {"pattern": "order (?<id>\\d+)", "response": "Order ${id} ships tomorrow.",
 *    "system": "support", "models": ["models/gemini-2.0-flash"]}
 * ]}
 * }</pre>
 * {@code pattern} and {@code system} are case-insensitive Java regular expressions searched in the last
 * user message and in the system instruction. Errors name the file and the rule.
 */
final class BehaviourFile {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private BehaviourFile() {}

    /** The rules of the behaviour file at {@code path}, in file order. */
    static List<BehaviourRule> read(Path path) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("behaviour file " + path + ": " + e.getMessage(), e);
        }
        return parse(root, path.toString());
    }

    /** The rules in a parsed behaviour document; {@code source} names it in errors. */
    static List<BehaviourRule> parse(JsonNode root, String source) {
        if (root == null || !root.path("rules").isArray()) {
            throw new IllegalArgumentException("behaviour file " + source + ": expected {\"rules\": [...]}");
        }
        List<BehaviourRule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode rule : root.get("rules")) {
            String where = source + ": rules[" + i + "]";
            String pattern = rule.path("pattern").asText(null);
            if (pattern == null) {
                throw new IllegalArgumentException(where + ": missing \"pattern\"");
            }
            List<String> responses = new ArrayList<>();
            if (rule.has("response")) {
                responses.add(rule.get("response").asText());
            }
            rule.path("responses").forEach(r -> responses.add(r.asText()));
            if (responses.isEmpty()) {
                throw new IllegalArgumentException(where + ": needs \"response\" or a non-empty \"responses\"");
            }
            List<String> models = new ArrayList<>();
            rule.path("models").forEach(m -> models.add(m.asText()));
            rules.add(new BehaviourRule(
                    where,
                    compile(pattern, where + ".pattern"),
                    rule.has("system") ? compile(rule.get("system").asText(), where + ".system") : null,
                    List.copyOf(models),
                    List.copyOf(responses)));
            i++;
        }
        return rules;
    }

    private static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": invalid regular expression: " + e.getDescription(), e);
        }
    }
}
