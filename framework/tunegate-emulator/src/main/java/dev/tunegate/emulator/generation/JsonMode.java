package dev.tunegate.emulator.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an answer into JSON for {@code responseMimeType: application/json} (and picks the enum value
 * for {@code text/x.enum}). An answer that already is JSON and fits the schema is kept as is. Otherwise
 * a value is built from the schema, filled from the answer: list items in the answer become array
 * elements (else the count asked for in the prompt, else 3, within minItems/maxItems); the first string
 * field gets the item or the answer text; numbers come from the first number in the answer; booleans from
 * a leading yes/no; enum values are those whose words appear in the answer or the prompt (else the first,
 * or a sampled one above temperature 0). Without a schema, non-JSON text becomes {@code {"answer": text}}.
 */
final class JsonMode {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern LIST_ITEM =
            Pattern.compile("^\\s*(?:[-*\u2022]|\\d+[.)])\\s+(.+?)\\s*$", Pattern.MULTILINE);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern COUNT_WORD =
            Pattern.compile("\\b(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\b");
    private static final List<String> NUMBER_WORDS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    private final ObjectMapper mapper;

    /** A JSON-mode renderer writing with {@code mapper}. */
    JsonMode(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON text for {@code answer}; {@code schema} (camelCase tree) may be null. */
    String render(String answer, JsonNode schema, String promptText, Sampler sampler) {
        JsonNode parsed = tryParse(answer);
        if (parsed != null && (schema == null || conforms(parsed, schema))) {
            return answer.strip();
        }
        JsonNode value;
        if (schema == null) {
            List<String> items = listItems(answer);
            if (items.size() >= 2) {
                ArrayNode array = F.arrayNode();
                items.forEach(array::add);
                value = array;
            } else {
                value = F.objectNode().put("answer", answer);
            }
        } else {
            value = build(schema, new Hint(answer, promptText, sampler, true), 0);
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The enum value answering {@code answer} for {@code text/x.enum}. */
    String renderEnum(String answer, JsonNode schema, String promptText, Sampler sampler) {
        return pickEnum(schema.path("enum"), new Hint(answer, promptText, sampler, true));
    }

    private record Hint(String text, String prompt, Sampler sampler, boolean primary) {
        Hint secondary() {
            return new Hint(text, prompt, sampler, false);
        }
    }

    private JsonNode build(JsonNode schema, Hint hint, int depth) {
        if (schema.has("anyOf") && schema.get("anyOf").size() > 0) {
            return build(schema.get("anyOf").get(0), hint, depth);
        }
        String type = schema.path("type").asText("");
        if (type.isEmpty() || "TYPE_UNSPECIFIED".equals(type)) {
            type = schema.has("properties") ? "OBJECT" : schema.has("items") ? "ARRAY" : "STRING";
        }
        switch (type) {
            case "OBJECT": {
                ObjectNode out = F.objectNode();
                JsonNode props = schema.path("properties");
                List<String> order = new ArrayList<>();
                schema.path("propertyOrdering").forEach(n -> order.add(n.asText()));
                props.fieldNames().forEachRemaining(n -> {
                    if (!order.contains(n)) {
                        order.add(n);
                    }
                });
                boolean first = hint.primary();
                for (String name : order) {
                    JsonNode prop = props.get(name);
                    if (prop == null) {
                        continue;
                    }
                    Hint h = first
                            ? hint
                            : new Hint(
                                    humanise(name) + (hint.text().length() < 60 ? " of " + hint.text() : ""),
                                    hint.prompt(),
                                    hint.sampler(),
                                    false);
                    if (isScalarString(prop) && first) {
                        first = false;
                    }
                    out.set(name, depth > 16 ? F.nullNode() : build(prop, h, depth + 1));
                }
                return out;
            }
            case "ARRAY": {
                ArrayNode out = F.arrayNode();
                List<String> items = listItems(hint.text());
                int count = items.isEmpty() ? requestedCount(hint.prompt()) : items.size();
                count = clamp(count, longOr(schema, "minItems", 0), longOr(schema, "maxItems", 50));
                JsonNode itemSchema = schema.path("items");
                for (int i = 0; i < count; i++) {
                    String text = i < items.size() ? items.get(i) : itemText(hint.text(), i);
                    out.add(
                            depth > 16
                                    ? F.nullNode()
                                    : build(
                                            itemSchema,
                                            new Hint(text, hint.prompt(), hint.sampler(), true),
                                            depth + 1));
                }
                return out;
            }
            case "INTEGER":
            case "NUMBER": {
                Matcher m = NUMBER.matcher(hint.text());
                double v = m.find() ? Double.parseDouble(m.group()) : 0;
                if (schema.has("minimum")) {
                    v = Math.max(v, schema.get("minimum").asDouble());
                }
                if (schema.has("maximum")) {
                    v = Math.min(v, schema.get("maximum").asDouble());
                }
                return "INTEGER".equals(type) ? F.numberNode(Math.round(v)) : F.numberNode(v);
            }
            case "BOOLEAN": {
                String t = hint.text().strip().toLowerCase(Locale.ROOT);
                return F.booleanNode(!(t.startsWith("no") || t.startsWith("false") || t.contains(" not ")));
            }
            case "NULL":
                return F.nullNode();
            default: {
                if (schema.has("enum") && schema.get("enum").size() > 0) {
                    return F.textNode(pickEnum(schema.get("enum"), hint));
                }
                String format = schema.path("format").asText("");
                if ("date-time".equals(format)) {
                    return F.textNode("2024-01-01T00:00:00Z");
                }
                if ("date".equals(format)) {
                    return F.textNode("2024-01-01");
                }
                String s = hint.text().strip();
                long max = longOr(schema, "maxLength", Long.MAX_VALUE);
                long min = longOr(schema, "minLength", 0);
                if (s.length() > max) {
                    s = s.substring(0, (int) max);
                }
                StringBuilder sb = new StringBuilder(s);
                while (sb.length() < min) {
                    sb.append('.');
                }
                return F.textNode(sb.toString());
            }
        }
    }

    private static boolean isScalarString(JsonNode prop) {
        String t = prop.path("type").asText("STRING");
        return "STRING".equals(t) || t.isEmpty();
    }

    private static String pickEnum(JsonNode values, Hint hint) {
        List<String> options = new ArrayList<>();
        values.forEach(v -> options.add(v.asText()));
        String answer = " " + normal(hint.text()) + " ";
        String prompt = " " + normal(hint.prompt()) + " ";
        int best = -1;
        int bestScore = 0;
        List<String> tied = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            String option = " " + normal(options.get(i)) + " ";
            int score = (answer.contains(option) ? 2 : 0) + (prompt.contains(option) ? 1 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = i;
                tied.clear();
                tied.add(options.get(i));
            } else if (score == bestScore && score > 0) {
                tied.add(options.get(i));
            }
        }
        if (best < 0) {
            return hint.sampler().choose(options);
        }
        return tied.size() > 1 ? hint.sampler().choose(tied) : options.get(best);
    }

    /** The words of {@code s} ({@link Tokenizer#keywords}) joined by single spaces. */
    private static String normal(String s) {
        return String.join(" ", Tokenizer.get().keywords(s));
    }

    private static String humanise(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static String itemText(String text, int index) {
        String base = text.strip();
        if (base.length() > 60) {
            base = base.substring(0, 60).strip();
        }
        return base.isEmpty() ? "item " + (index + 1) : base + " " + (index + 1);
    }

    /** List items ("- x", "* x", "1. x") of a text, in order. */
    static List<String> listItems(String text) {
        List<String> items = new ArrayList<>();
        Matcher m = LIST_ITEM.matcher(text);
        while (m.find()) {
            items.add(m.group(1).replaceAll("\\*\\*", ""));
        }
        return items;
    }

    private static int requestedCount(String prompt) {
        Matcher m = COUNT_WORD.matcher(prompt.toLowerCase(Locale.ROOT));
        if (m.find()) {
            String w = m.group(1);
            int n = Character.isDigit(w.charAt(0)) ? Integer.parseInt(w) : NUMBER_WORDS.indexOf(w);
            if (n > 0) {
                return n;
            }
        }
        return 3;
    }

    private static int clamp(int n, long min, long max) {
        return (int) Math.max(min, Math.min(max, n));
    }

    private static long longOr(JsonNode schema, String field, long dflt) {
        JsonNode n = schema.get(field);
        if (n == null || n.isNull()) {
            return dflt;
        }
        try {
            return Long.parseLong(n.asText());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private JsonNode tryParse(String text) {
        String t = text.strip();
        if (t.isEmpty() || (t.charAt(0) != '{' && t.charAt(0) != '[' && t.charAt(0) != '"')) {
            return null;
        }
        try {
            return mapper.readTree(t);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Whether {@code value} satisfies the (OpenAPI subset) {@code schema}: types, required, enum, items. */
    static boolean conforms(JsonNode value, JsonNode schema) {
        if (schema.has("anyOf") && schema.get("anyOf").size() > 0) {
            for (JsonNode alt : schema.get("anyOf")) {
                if (conforms(value, alt)) {
                    return true;
                }
            }
            return false;
        }
        if (value.isNull()) {
            return schema.path("nullable").asBoolean(false)
                    || "NULL".equals(schema.path("type").asText());
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "OBJECT": {
                if (!value.isObject()) {
                    return false;
                }
                for (JsonNode req : schema.path("required")) {
                    if (!value.has(req.asText())) {
                        return false;
                    }
                }
                JsonNode props = schema.path("properties");
                Iterator<String> names = value.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    if (props.has(name) && !conforms(value.get(name), props.get(name))) {
                        return false;
                    }
                }
                return true;
            }
            case "ARRAY": {
                if (!value.isArray()) {
                    return false;
                }
                if (value.size() < longOr(schema, "minItems", 0)
                        || value.size() > longOr(schema, "maxItems", Long.MAX_VALUE)) {
                    return false;
                }
                for (JsonNode item : value) {
                    if (schema.has("items") && !conforms(item, schema.get("items"))) {
                        return false;
                    }
                }
                return true;
            }
            case "STRING": {
                if (!value.isTextual()) {
                    return false;
                }
                if (schema.has("enum") && schema.get("enum").size() > 0) {
                    for (JsonNode e : schema.get("enum")) {
                        if (e.asText().equals(value.asText())) {
                            return true;
                        }
                    }
                    return false;
                }
                return true;
            }
            case "INTEGER":
                return value.isIntegralNumber()
                        || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "NUMBER":
                return value.isNumber();
            case "BOOLEAN":
                return value.isBoolean();
            case "NULL":
                return false;
            default:
                return true;
        }
    }
}
