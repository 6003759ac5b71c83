package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reading matcher arguments with messages a suite author understands. */
final class Args {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");

    private Args() {}

    static boolean absent(JsonNode argument) {
        return argument == null || argument.isNull() || argument.isMissingNode();
    }

    /** A scalar (string, number or boolean) as text; YAML turns {@code 42} into a number. */
    static String text(JsonNode node, String what, String pointer) {
        if (absent(node)) {
            throw new MatcherDefinitionException(what + " is missing", pointer);
        }
        if (!node.isValueNode()) {
            throw new MatcherDefinitionException(what + " must be text, but was " + kind(node), pointer);
        }
        return node.asText();
    }

    /** A non-empty scalar. */
    static String nonEmptyText(JsonNode node, String what, String pointer) {
        String text = text(node, what, pointer);
        if (text.isEmpty()) {
            throw new MatcherDefinitionException(what + " must not be empty", pointer);
        }
        return text;
    }

    /** Rejects keys other than {@code allowed}, naming the allowed ones. */
    static void onlyKeys(JsonNode object, String matcher, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String key : (Iterable<String>) object::fieldNames) {
            if (!known.contains(key)) {
                throw new MatcherDefinitionException(
                        "unknown option '" + key + "' for " + matcher + "; allowed: " + String.join(", ", allowed),
                        pointer(key));
            }
        }
    }

    static boolean bool(JsonNode object, String key, boolean defaultValue) {
        JsonNode node = object.get(key);
        if (absent(node)) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            throw new MatcherDefinitionException(key + " must be true or false, but was " + node, pointer(key));
        }
        return node.booleanValue();
    }

    /** A whole number of at least {@code min}. */
    static long count(JsonNode node, String key, long min) {
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw new MatcherDefinitionException(key + " must be a whole number, but was " + node, pointer(key));
        }
        long value = node.longValue();
        if (value < min) {
            throw new MatcherDefinitionException(key + " must be at least " + min + ", but was " + value, pointer(key));
        }
        return value;
    }

    /** An enum constant by name, case-insensitively; {@code UNRECOGNIZED} and {@code *_UNSPECIFIED} are not offered. */
    static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String what, String pointer) {
        String name = text(node, what, pointer).trim();
        for (E constant : type.getEnumConstants()) {
            if (offered(constant) && constant.name().equalsIgnoreCase(name)) {
                return constant;
            }
        }
        throw new MatcherDefinitionException(
                "'" + name + "' is not a valid " + what + "; expected one of " + names(type), pointer);
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .filter(Args::offered)
                .map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    private static boolean offered(Enum<?> constant) {
        return !constant.name().equals("UNRECOGNIZED") && !constant.name().endsWith("_UNSPECIFIED");
    }

    /** {@code 2s}, {@code 500ms}, {@code 1.5s}, {@code 1m} or ISO-8601 such as {@code PT2S}. */
    static Duration duration(JsonNode node, String key) {
        if (node.isNumber()) {
            throw new MatcherDefinitionException(
                    key + " needs a unit, e.g. 2s or 500ms (or use " + key
                            + "Ms for a number of milliseconds), but was " + node,
                    pointer(key));
        }
        String text = text(node, key, pointer(key)).trim();
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        Duration duration;
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(1));
            BigDecimal millis = switch (m.group(2)) {
                case "ms" -> amount;
                case "s" -> amount.movePointRight(3);
                default -> amount.multiply(BigDecimal.valueOf(60_000));
            };
            duration = Duration.ofNanos(millis.movePointRight(6).longValue());
        } else {
            try {
                duration = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new MatcherDefinitionException(
                        key + " must be a duration such as 2s, 500ms, 1.5s, 1m or PT2S, but was '" + text + "'",
                        pointer(key));
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new MatcherDefinitionException(key + " must be positive, but was '" + text + "'", pointer(key));
        }
        return duration;
    }

    static Duration millis(JsonNode node, String key) {
        return Duration.ofMillis(count(node, key, 1));
    }

    static String pointer(String key) {
        return "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String kind(JsonNode node) {
        if (node.isObject()) {
            return "a map";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Keys of an object, sorted, for messages. */
    static String keys(JsonNode object) {
        Set<String> keys = new TreeSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return String.join(", ", keys);
    }

    /** Compact form of a value for descriptions, shortened to about 80 characters. */
    static String brief(JsonNode node) {
        String text = node.isTextual() ? quote(node.textValue()) : node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    static String quote(String text) {
        String escaped = text.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("\r", "\\r")
                .replace("\t", "\\t");
        return '"' + (escaped.length() > 80 ? escaped.substring(0, 77) + "..." : escaped) + '"';
    }
}
