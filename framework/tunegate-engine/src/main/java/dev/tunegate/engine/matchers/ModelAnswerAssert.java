package dev.tunegate.engine.matchers;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.tunegate.client.model.BlockReason;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.client.model.HarmCategory;
import dev.tunegate.client.model.HarmProbability;
import dev.tunegate.client.model.SafetyRating;
import dev.tunegate.client.model.UsageMetadata;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.AssertionErrorCreator;

/**
 * AssertJ assertions on a {@link ModelAnswer}; the built-in matchers are made of these. Every
 * failure is an {@code org.opentest4j.AssertionFailedError} carrying the expected and the actual
 * value (so IDEs show a diff), and its message says what was expected and what the model did.
 * Start with {@link TuneGateAssertions#assertThat(ModelAnswer)}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class ModelAnswerAssert extends AbstractAssert<ModelAnswerAssert, ModelAnswer> {

    private static final int MESSAGE_TEXT_LIMIT = 2_000;
    private static final AssertionErrorCreator ERRORS = new AssertionErrorCreator();

    /** Use {@link TuneGateAssertions#assertThat(ModelAnswer)}. */
    public ModelAnswerAssert(ModelAnswer actual) {
        super(actual, ModelAnswerAssert.class);
    }

    // ---- text -------------------------------------------------------------------------------

    /** The model returned at least one candidate (the prompt was not blocked). */
    public ModelAnswerAssert hasCandidate() {
        isNotNull();
        if (!actual.hasCandidate()) {
            fail(
                    "a candidate",
                    describeText(),
                    "Expected the model to return a candidate, but it returned none" + blockedNote() + ".");
        }
        return myself;
    }

    /** The text is exactly {@code expected}. */
    public ModelAnswerAssert hasText(String expected) {
        return textEquals(expected, false, false);
    }

    /** The text equals {@code expected} ignoring case. */
    public ModelAnswerAssert hasTextIgnoringCase(String expected) {
        return textEquals(expected, true, false);
    }

    /** The text equals {@code expected} after trimming whitespace around both. */
    public ModelAnswerAssert hasTextIgnoringSurroundingWhitespace(String expected) {
        return textEquals(expected, false, true);
    }

    /** The text equals {@code expected} ignoring case and whitespace around both. */
    public ModelAnswerAssert hasTextIgnoringCaseAndSurroundingWhitespace(String expected) {
        return textEquals(expected, true, true);
    }

    private ModelAnswerAssert textEquals(String expected, boolean ignoreCase, boolean trim) {
        isNotNull();
        String text = actual.text();
        String a = trim ? text.strip() : text;
        String e = trim ? expected.strip() : expected;
        boolean equal = ignoreCase ? a.equalsIgnoreCase(e) : a.equals(e);
        if (!equal) {
            String how = ignoreCase && trim
                    ? " (ignoring case and surrounding whitespace)"
                    : ignoreCase ? " (ignoring case)" : trim ? " (ignoring surrounding whitespace)" : "";
            fail(
                    expected,
                    text,
                    "Expected the answer text to be" + how + ":\n  " + quote(expected) + "\nbut was:\n  "
                            + describeText());
        }
        return myself;
    }

    /** The text is JSON equal to {@code expected} (key order, whitespace and 1 vs 1.0 do not matter). */
    public ModelAnswerAssert hasJsonText(JsonNode expected) {
        isNotNull();
        JsonText.Parsed parsed = JsonText.parse(actual.text());
        if (parsed.json().isEmpty()) {
            fail(
                    JsonText.pretty(expected),
                    actual.text(),
                    "Expected the answer text to be the JSON value:\n  " + expected + "\nbut it is not JSON ("
                            + parsed.error() + "):\n  " + describeText());
        } else if (!JsonText.equal(expected, parsed.value())) {
            fail(
                    JsonText.pretty(expected),
                    JsonText.pretty(parsed.value()),
                    "Expected the answer text to be the JSON value:\n  " + expected + "\nbut was:\n  "
                            + parsed.value());
        }
        return myself;
    }

    /** The text contains every one of {@code values}. */
    public ModelAnswerAssert textContains(String... values) {
        return contains(false, values);
    }

    /** The text contains every one of {@code values}, ignoring case. */
    public ModelAnswerAssert textContainsIgnoringCase(String... values) {
        return contains(true, values);
    }

    private ModelAnswerAssert contains(boolean ignoreCase, String... values) {
        isNotNull();
        String text = actual.text();
        String haystack = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        List<String> missing = Arrays.stream(values)
                .filter(v -> !haystack.contains(ignoreCase ? v.toLowerCase(Locale.ROOT) : v))
                .toList();
        if (!missing.isEmpty()) {
            String expected = values.length == 1 ? values[0] : String.join("\n", values);
            fail(
                    expected,
                    text,
                    "Expected the answer text to contain" + (ignoreCase ? " (ignoring case)" : "") + ":\n  "
                            + missing.stream().map(ModelAnswerAssert::quote).collect(Collectors.joining(", "))
                            + "\nbut was:\n  " + describeText());
        }
        return myself;
    }

    /** Some part of the text matches {@code pattern} ({@link java.util.regex.Matcher#find()} semantics). */
    public ModelAnswerAssert textMatches(Pattern pattern) {
        isNotNull();
        String text = actual.text();
        if (!pattern.matcher(new InterruptibleText(text)).find()) {
            fail(
                    "/" + pattern.pattern() + "/",
                    text,
                    "Expected the answer text to match the regular expression:\n  /" + pattern.pattern() + "/"
                            + flags(pattern) + "\nbut was:\n  " + describeText());
        }
        return myself;
    }

    /** Some part of the text matches {@code regex}. */
    public ModelAnswerAssert textMatches(String regex) {
        return textMatches(Pattern.compile(regex));
    }

    /** The whole text (surrounding whitespace aside) is one JSON value. */
    public ModelAnswerAssert textIsJson() {
        isNotNull();
        JsonText.Parsed parsed = JsonText.parse(actual.text());
        if (parsed.json().isEmpty()) {
            fail(
                    "valid JSON",
                    actual.text(),
                    "Expected the answer text to be JSON, but it is not (" + parsed.error() + "):\n  "
                            + describeText());
        }
        return myself;
    }

    /** The text is not a JSON value. */
    public ModelAnswerAssert textIsNotJson() {
        isNotNull();
        if (JsonText.parse(actual.text()).json().isPresent()) {
            fail(
                    "text that is not JSON",
                    actual.text(),
                    "Expected the answer text not to be JSON, but it is:\n  " + describeText());
        }
        return myself;
    }

    /**
     * The text is JSON that validates against {@code schema} (a networknt schema, e.g. from
     * {@code SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(...)}).
     * The message lists every validation error with its instance location.
     */
    public ModelAnswerAssert textMatchesJsonSchema(Schema schema) {
        return textMatchesJsonSchema(schema, "the JSON Schema");
    }

    /** As {@link #textMatchesJsonSchema(Schema)}, naming the schema (e.g. its file) in the message. */
    public ModelAnswerAssert textMatchesJsonSchema(Schema schema, String schemaName) {
        isNotNull();
        JsonText.Parsed parsed = JsonText.parse(actual.text());
        if (parsed.json().isEmpty()) {
            fail(
                    "JSON valid against " + schemaName,
                    actual.text(),
                    "Expected the answer text to be JSON valid against " + schemaName + ", but it is not JSON ("
                            + parsed.error() + "):\n  " + describeText());
            return myself;
        }
        List<Error> errors = schema.validate(parsed.value());
        if (!errors.isEmpty()) {
            String list = errors.stream()
                    .map(e -> "  " + location(e) + ": " + e.getMessage())
                    .collect(Collectors.joining("\n"));
            fail(
                    "JSON valid against " + schemaName,
                    JsonText.pretty(parsed.value()),
                    "Expected the answer text to be valid against " + schemaName + ", but " + errors.size()
                            + (errors.size() == 1 ? " error was" : " errors were") + " found:\n" + list
                            + "\nin:\n  " + parsed.value());
        }
        return myself;
    }

    private static String location(Error error) {
        String location = String.valueOf(error.getInstanceLocation());
        return location.isEmpty() || "$".equals(location) ? "(root)" : location;
    }

    // ---- finish, blocking, safety -----------------------------------------------------------

    /** The first candidate finished for one of {@code reasons}. */
    public ModelAnswerAssert finishedWith(FinishReason... reasons) {
        isNotNull();
        Optional<FinishReason> reason = actual.finishReason();
        if (reason.isEmpty() || Arrays.stream(reasons).noneMatch(reason.get()::equals)) {
            String expected = Arrays.stream(reasons).map(Enum::name).collect(Collectors.joining(" or "));
            String was = reason.map(Enum::name)
                    .orElse(actual.hasCandidate() ? "no finish reason" : "no candidate" + blockedNote());
            fail(
                    expected,
                    reason.map(Enum::name).orElse(""),
                    "Expected the finish reason to be " + expected + " but was " + was + ". Answer text:\n  "
                            + describeText());
        }
        return myself;
    }

    /** The answer was blocked (see {@link ModelAnswer#blocked()}). */
    public ModelAnswerAssert isBlocked() {
        isNotNull();
        if (!actual.blocked()) {
            fail(
                    "blocked",
                    "not blocked (finish reason "
                            + actual.finishReason().map(Enum::name).orElse("none") + ")",
                    "Expected the answer to be blocked, but it was not; finish reason "
                            + actual.finishReason().map(Enum::name).orElse("none") + ", text:\n  " + describeText());
        }
        return myself;
    }

    /** The answer was not blocked. */
    public ModelAnswerAssert isNotBlocked() {
        isNotNull();
        if (actual.blocked()) {
            fail(
                    "not blocked",
                    "blocked: " + blockDetails(),
                    "Expected the answer not to be blocked, but it was blocked: " + blockDetails() + ".");
        }
        return myself;
    }

    /** The prompt was blocked for {@code reason}. */
    public ModelAnswerAssert hasBlockReason(BlockReason reason) {
        isNotNull();
        Optional<BlockReason> blockReason = actual.blockReason();
        if (blockReason.filter(reason::equals).isEmpty()) {
            fail(
                    reason.name(),
                    blockReason.map(Enum::name).orElse("none"),
                    "Expected the prompt to be blocked for " + reason + " but "
                            + blockReason.map(r -> "it was blocked for " + r).orElse("it was not blocked") + ".");
        }
        return myself;
    }

    /**
     * No rating of the answer (see {@link ModelAnswer#ratings()}) is above {@code max}. Missing ratings
     * pass; an unrecognized probability counts as above every level.
     */
    public ModelAnswerAssert hasSafetyAtMost(HarmProbability max) {
        isNotNull();
        Optional<SafetyRating> worst = actual.ratings().stream()
                .filter(r -> r.probability() != null)
                .max(Comparator.comparingInt(r -> rank(r.probability())));
        if (worst.isPresent() && rank(worst.get().probability()) > rank(max)) {
            fail(
                    max.name(),
                    worst.get().probability().name(),
                    "Expected every safety rating to be at most " + max
                            + " but " + worst.get().category() + " was "
                            + worst.get().probability() + ". Ratings: "
                            + ratingsSummary() + ". Text:\n  " + describeText());
        }
        return myself;
    }

    /** The answer's rating in {@code category} is at most {@code max} (a missing rating passes). */
    public ModelAnswerAssert hasSafetyAtMost(HarmCategory category, HarmProbability max) {
        isNotNull();
        Optional<HarmProbability> probability = actual.ratings().stream()
                .filter(r -> category.equals(r.category()) && r.probability() != null)
                .map(SafetyRating::probability)
                .max(Comparator.comparingInt(ModelAnswerAssert::rank));
        if (probability.isPresent() && rank(probability.get()) > rank(max)) {
            fail(
                    category + ": " + max,
                    category + ": " + probability.get(),
                    "Expected the " + category + " rating to be at most " + max + " but was " + probability.get()
                            + ". Text:\n  " + describeText());
        }
        return myself;
    }

    private static int rank(HarmProbability probability) {
        return switch (probability) {
            case HARM_PROBABILITY_UNSPECIFIED -> 0;
            case NEGLIGIBLE -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            default -> 5;
        };
    }

    // ---- latency and tokens -----------------------------------------------------------------

    /** The whole call took at most {@code max}. */
    public ModelAnswerAssert respondedWithin(Duration max) {
        isNotNull();
        if (actual.latency().compareTo(max) > 0) {
            fail(
                    "<= " + Durations.format(max),
                    Durations.format(actual.latency()),
                    "Expected the answer within "
                            + Durations.format(max) + " but it took " + Durations.format(actual.latency())
                            + (actual.retries() > 0 ? " (" + actual.retries() + " retries)" : "") + ".");
        }
        return myself;
    }

    /**
     * The first chunk arrived within {@code max}. For a call that was not streamed the whole answer is
     * the first chunk, so its total latency is used.
     */
    public ModelAnswerAssert firstChunkWithin(Duration max) {
        isNotNull();
        Duration first = actual.timeToFirstChunk().orElse(actual.latency());
        if (first.compareTo(max) > 0) {
            fail(
                    "<= " + Durations.format(max),
                    Durations.format(first),
                    "Expected the first chunk within "
                            + Durations.format(max) + " but it took " + Durations.format(first)
                            + (actual.timeToFirstChunk().isEmpty() ? " (not streamed: time of the whole answer)" : "")
                            + ".");
        }
        return myself;
    }

    /** The prompt used at most {@code max} tokens. */
    public ModelAnswerAssert usedAtMostPromptTokens(int max) {
        return tokens("prompt", UsageMetadata::promptTokenCount, max);
    }

    /** The candidates used at most {@code max} tokens. */
    public ModelAnswerAssert usedAtMostOutputTokens(int max) {
        return tokens("output", UsageMetadata::candidatesTokenCount, max);
    }

    /** Prompt and candidates together used at most {@code max} tokens. */
    public ModelAnswerAssert usedAtMostTotalTokens(int max) {
        return tokens("total", UsageMetadata::totalTokenCount, max);
    }

    private ModelAnswerAssert tokens(String kind, Function<UsageMetadata, Integer> count, int max) {
        isNotNull();
        Optional<UsageMetadata> usage = actual.usage();
        if (usage.isEmpty()) {
            fail(
                    "<= " + max + " " + kind + " tokens",
                    "no usageMetadata",
                    "Expected at most " + max + " " + kind + " tokens, but the response has no usageMetadata.");
            return myself;
        }
        Integer value = count.apply(usage.get());
        int used = value == null ? 0 : value;
        if (used > max) {
            fail(
                    "<= " + max,
                    String.valueOf(used),
                    "Expected at most " + max + " " + kind + " tokens but the call used " + used + ".");
        }
        return myself;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void fail(Object expected, Object actualValue, String message) {
        // Built directly (not through failWithActualExpectedAndMessage) because that formats the message
        // with String.format, which would mangle answer texts containing '%'.
        String description = info.descriptionText();
        String full = description == null || description.isEmpty() ? message : "[" + description + "] " + message;
        String overriding = info.overridingErrorMessage();
        throw ERRORS.assertionError(
                overriding != null ? overriding : full, actualValue, expected, info.representation());
    }

    private String describeText() {
        if (!actual.hasCandidate()) {
            return "<no candidate" + blockedNote() + ">";
        }
        return quote(actual.text());
    }

    private String blockedNote() {
        return actual.blockReason()
                .map(r -> ", the prompt was blocked for " + r)
                .orElse("");
    }

    private String blockDetails() {
        return actual.blockReason()
                .map(r -> "prompt blocked for " + r)
                .orElseGet(() -> "finish reason "
                        + actual.finishReason().map(Enum::name).orElse("none") + ", ratings " + ratingsSummary());
    }

    private String ratingsSummary() {
        List<SafetyRating> ratings = actual.ratings();
        if (ratings.isEmpty()) {
            return "none";
        }
        return ratings.stream()
                .map(r -> r.category() + "=" + r.probability() + (Boolean.TRUE.equals(r.blocked()) ? " (blocked)" : ""))
                .collect(Collectors.joining(", "));
    }

    private static String quote(String text) {
        String shown = text.length() > MESSAGE_TEXT_LIMIT
                ? text.substring(0, MESSAGE_TEXT_LIMIT) + "... (" + text.length() + " characters)"
                : text;
        return '"' + shown + '"';
    }

    private static String flags(Pattern pattern) {
        int f = pattern.flags();
        StringBuilder s = new StringBuilder();
        if ((f & Pattern.CASE_INSENSITIVE) != 0) s.append('i');
        if ((f & Pattern.MULTILINE) != 0) s.append('m');
        if ((f & Pattern.DOTALL) != 0) s.append('s');
        if ((f & Pattern.COMMENTS) != 0) s.append('x');
        if ((f & Pattern.UNICODE_CASE) != 0) s.append('u');
        return s.toString();
    }
}
