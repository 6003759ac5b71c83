package dev.tunegate.emulator.generation;

import static dev.tunegate.emulator.generation.RequestFieldError.abbreviate;
import static dev.tunegate.emulator.generation.RequestFieldError.bad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.GenerationConfig;
import java.util.List;
import java.util.Set;

/**
 * Checks {@code generationConfig} against the documented ranges (candidates, output tokens, stop
 * sequences, sampling, penalties, response format) and resolves each option, with defaults for what
 * it does not set.
 */
final class GenerationConfigCheck {
    /** Candidates per request (the seeds say "only 1"; the public API now allows up to 8). */
    static final int MAX_CANDIDATES = 8;
    /** At most this many stop sequences. */
    static final int MAX_STOP_SEQUENCES = 5;

    private static final String TEXT = "text/plain";
    private static final String JSON = "application/json";
    private static final String ENUM = "text/x.enum";
    private static final Set<String> MIME_TYPES = Set.of(TEXT, JSON, ENUM);

    /** The resolved options; the sampling ones are null where the request leaves them to the model. */
    record Options(
            int candidates,
            int maxTokens,
            List<String> stops,
            String mime,
            JsonNode schema,
            Double temperature,
            Double topP,
            Integer topK,
            Integer seed) {}

    private final int outputTokenLimit;

    /** A check for models whose output token limit is {@code outputTokenLimit} (the default maxOutputTokens). */
    GenerationConfigCheck(int outputTokenLimit) {
        this.outputTokenLimit = outputTokenLimit;
    }

    /** The options of {@code g} (null: all defaults); the response schema as a tree made by {@code mapper}. */
    Options check(GenerationConfig g, ObjectMapper mapper) {
        if (g == null) {
            return new Options(1, outputTokenLimit, List.of(), TEXT, null, null, null, null, null);
        }
        int candidates = candidateCount(g);
        int maxTokens = maxOutputTokens(g);
        List<String> stops = stopSequences(g);
        sampling(g);
        penalty("generationConfig.presencePenalty", g.presencePenalty());
        penalty("generationConfig.frequencyPenalty", g.frequencyPenalty());
        if (g.thinkingConfig() != null
                && g.thinkingConfig().thinkingBudget() != null
                && g.thinkingConfig().thinkingBudget() < -1) {
            throw bad(
                    "generationConfig.thinkingConfig.thinkingBudget",
                    "thinkingBudget must be -1 (dynamic), 0 (off) or a positive number of tokens, got "
                            + g.thinkingConfig().thinkingBudget());
        }
        String mime = responseMimeType(g);
        JsonNode schema = responseSchema(g, mime, mapper);
        return new Options(candidates, maxTokens, stops, mime, schema, g.temperature(), g.topP(), g.topK(), g.seed());
    }

    private static int candidateCount(GenerationConfig g) {
        if (g.candidateCount() == null) {
            return 1;
        }
        int candidates = g.candidateCount();
        if (candidates < 1 || candidates > MAX_CANDIDATES) {
            throw bad(
                    "generationConfig.candidateCount",
                    "candidateCount must be between 1 and " + MAX_CANDIDATES + ", got " + candidates);
        }
        return candidates;
    }

    private int maxOutputTokens(GenerationConfig g) {
        if (g.maxOutputTokens() == null) {
            return outputTokenLimit;
        }
        int maxTokens = g.maxOutputTokens();
        if (maxTokens < 1 || maxTokens > outputTokenLimit) {
            throw bad(
                    "generationConfig.maxOutputTokens",
                    "maxOutputTokens must be between 1 and " + outputTokenLimit
                            + " (the model's output token limit), got " + maxTokens);
        }
        return maxTokens;
    }

    private static List<String> stopSequences(GenerationConfig g) {
        if (g.stopSequences() == null) {
            return List.of();
        }
        if (g.stopSequences().size() > MAX_STOP_SEQUENCES) {
            throw bad(
                    "generationConfig.stopSequences",
                    "stopSequences accepts at most " + MAX_STOP_SEQUENCES + " values, got "
                            + g.stopSequences().size());
        }
        for (int i = 0; i < g.stopSequences().size(); i++) {
            String s = g.stopSequences().get(i);
            if (s == null || s.isEmpty()) {
                throw bad("generationConfig.stopSequences[" + i + "]", "a stop sequence must not be empty");
            }
        }
        return g.stopSequences();
    }

    private static void sampling(GenerationConfig g) {
        Double temperature = g.temperature();
        if (temperature != null && !(temperature >= 0.0 && temperature <= 2.0)) {
            throw bad("generationConfig.temperature", "temperature must be in [0.0, 2.0], got " + temperature);
        }
        Double topP = g.topP();
        if (topP != null && !(topP >= 0.0 && topP <= 1.0)) {
            throw bad("generationConfig.topP", "topP must be in [0.0, 1.0], got " + topP);
        }
        Integer topK = g.topK();
        if (topK != null && topK < 1) {
            throw bad("generationConfig.topK", "topK must be a positive integer, got " + topK);
        }
    }

    private static void penalty(String field, Double value) {
        if (value != null && !(value >= -2.0 && value < 2.0)) {
            throw bad(field, field.substring(field.indexOf('.') + 1) + " must be in [-2.0, 2.0), got " + value);
        }
    }

    private static String responseMimeType(GenerationConfig g) {
        if (g.responseMimeType() == null) {
            return TEXT;
        }
        String mime = g.responseMimeType();
        if (!MIME_TYPES.contains(mime)) {
            throw bad(
                    "generationConfig.responseMimeType",
                    "responseMimeType must be one of " + "text/plain, application/json, text/x.enum; got '"
                            + abbreviate(mime) + "'");
        }
        return mime;
    }

    private static JsonNode responseSchema(GenerationConfig g, String mime, ObjectMapper mapper) {
        if (g.responseSchema() == null) {
            if (ENUM.equals(mime)) {
                throw bad("generationConfig.responseSchema", "responseMimeType text/x.enum needs a responseSchema");
            }
            return null;
        }
        if (!JSON.equals(mime) && !ENUM.equals(mime)) {
            throw bad(
                    "generationConfig.responseSchema",
                    "responseSchema requires a compatible "
                            + "responseMimeType (application/json or text/x.enum), got '" + mime + "'");
        }
        SchemaCheck.schema("generationConfig.responseSchema", g.responseSchema(), 0);
        if (ENUM.equals(mime)
                && (g.responseSchema().enumValues() == null
                        || g.responseSchema().enumValues().isEmpty())) {
            throw bad(
                    "generationConfig.responseSchema.enum",
                    "responseMimeType text/x.enum needs a STRING responseSchema with enum values");
        }
        return mapper.valueToTree(g.responseSchema());
    }
}
