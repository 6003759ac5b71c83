package dev.tunegate.engine.matchers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Comparator;
import java.util.Optional;

/** Strict JSON reading of answer text, and equality of JSON values that treats 1 and 1.0 alike. */
final class JsonText {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonText() {}

    /** The one JSON value the text consists of (surrounding whitespace allowed), or why it is not JSON. */
    static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, "the text is empty");
        }
        try {
            return new Parsed(STRICT.readTree(text), null);
        } catch (JsonProcessingException e) {
            return new Parsed(
                    null,
                    e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr());
        }
    }

    static boolean equal(JsonNode expected, JsonNode actual) {
        return expected.equals(NUMBERS_BY_VALUE, actual);
    }

    /** Pretty form used for expected/actual so that IDE diffs line up. */
    static String pretty(JsonNode node) {
        try {
            return STRICT.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    record Parsed(JsonNode value, String error) {
        Optional<JsonNode> json() {
            return Optional.ofNullable(value);
        }
    }
}
