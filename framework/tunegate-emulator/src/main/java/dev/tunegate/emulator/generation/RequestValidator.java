package dev.tunegate.emulator.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.Blob;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.FunctionCallingConfig;
import dev.tunegate.client.model.FunctionDeclaration;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerationConfig;
import dev.tunegate.client.model.HarmBlockThreshold;
import dev.tunegate.client.model.HarmCategory;
import dev.tunegate.client.model.Part;
import dev.tunegate.client.model.SafetySetting;
import dev.tunegate.client.model.Schema;
import dev.tunegate.client.model.SchemaType;
import dev.tunegate.client.model.Tool;
import dev.tunegate.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a generateContent request against the documented ranges and limits; every violation is a
 * 400 INVALID_ARGUMENT whose message and {@code BadRequest.fieldViolations[].field} name the field.
 */
public final class RequestValidator {
    /** Candidates per request (the seeds say "only 1"; the public API now allows up to 8). */
    public static final int MAX_CANDIDATES = 8;
    /** Largest {@code minItems} / {@code minLength} the emulator will generate. */
    static final long MAX_ITEMS = 1000;

    static final long MAX_STRING = 10_000;
    /** At most this many stop sequences. */
    public static final int MAX_STOP_SEQUENCES = 5;
    /** Categories accepted in safetySettings (Gemini models). */
    public static final Set<HarmCategory> SETTABLE_CATEGORIES = Set.of(
            HarmCategory.HARM_CATEGORY_HARASSMENT,
            HarmCategory.HARM_CATEGORY_HATE_SPEECH,
            HarmCategory.HARM_CATEGORY_SEXUALLY_EXPLICIT,
            HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT,
            HarmCategory.HARM_CATEGORY_CIVIC_INTEGRITY);
    /** Threshold of a category without a setting. */
    public static final HarmBlockThreshold DEFAULT_THRESHOLD = HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE;

    private static final Set<String> MIME_TYPES = Set.of("text/plain", "application/json", "text/x.enum");
    private static final Set<String> ROLES = Set.of("user", "model", "function");
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,63}");
    private static final Pattern CACHED_CONTENT = Pattern.compile("cachedContents/[A-Za-z0-9][A-Za-z0-9_\\-]*");

    private final int outputTokenLimit;

    /** A validator for models whose output token limit is {@code outputTokenLimit}. */
    public RequestValidator(int outputTokenLimit) {
        this.outputTokenLimit = outputTokenLimit;
    }

    /** The output token limit (also the default maxOutputTokens). */
    public int outputTokenLimit() {
        return outputTokenLimit;
    }

    GenerationPlan validate(GenerateContentRequest r, ObjectMapper mapper, long requestHash) {
        if (r.contents() == null || r.contents().isEmpty()) {
            throw bad("contents", "contents is not specified");
        }
        for (int i = 0; i < r.contents().size(); i++) {
            content("contents[" + i + "]", r.contents().get(i), false);
        }
        if (r.systemInstruction() != null) {
            content("systemInstruction", r.systemInstruction(), true);
        }
        Map<HarmCategory, HarmBlockThreshold> thresholds = safety(r.safetySettings());
        tools(r);
        if (r.cachedContent() != null) {
            if (!CACHED_CONTENT.matcher(r.cachedContent()).matches()) {
                throw bad(
                        "cachedContent",
                        "cachedContent must have the form cachedContents/{id}, got '" + abbreviate(r.cachedContent())
                                + "'");
            }
            throw ApiException.notFound("CachedContent not found (or permission denied): " + r.cachedContent()
                    + ". The TuneGate emulator serves no cached contents.");
        }
        GenerationConfig g = r.generationConfig();
        int candidates = 1;
        int maxTokens = outputTokenLimit;
        List<String> stops = List.of();
        String mime = "text/plain";
        JsonNode schema = null;
        Double temperature = null;
        Double topP = null;
        Integer topK = null;
        Integer seed = null;
        if (g != null) {
            if (g.candidateCount() != null) {
                candidates = g.candidateCount();
                if (candidates < 1 || candidates > MAX_CANDIDATES) {
                    throw bad(
                            "generationConfig.candidateCount",
                            "candidateCount must be between 1 and " + MAX_CANDIDATES + ", got " + candidates);
                }
            }
            if (g.maxOutputTokens() != null) {
                maxTokens = g.maxOutputTokens();
                if (maxTokens < 1 || maxTokens > outputTokenLimit) {
                    throw bad(
                            "generationConfig.maxOutputTokens",
                            "maxOutputTokens must be between 1 and " + outputTokenLimit
                                    + " (the model's output token limit), got " + maxTokens);
                }
            }
            if (g.stopSequences() != null) {
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
                stops = g.stopSequences();
            }
            temperature = g.temperature();
            if (temperature != null && !(temperature >= 0.0 && temperature <= 2.0)) {
                throw bad("generationConfig.temperature", "temperature must be in [0.0, 2.0], got " + temperature);
            }
            topP = g.topP();
            if (topP != null && !(topP >= 0.0 && topP <= 1.0)) {
                throw bad("generationConfig.topP", "topP must be in [0.0, 1.0], got " + topP);
            }
            topK = g.topK();
            if (topK != null && topK < 1) {
                throw bad("generationConfig.topK", "topK must be a positive integer, got " + topK);
            }
            seed = g.seed();
            penalty("generationConfig.presencePenalty", g.presencePenalty());
            penalty("generationConfig.frequencyPenalty", g.frequencyPenalty());
            if (g.responseMimeType() != null) {
                mime = g.responseMimeType();
                if (!MIME_TYPES.contains(mime)) {
                    throw bad(
                            "generationConfig.responseMimeType",
                            "responseMimeType must be one of " + "text/plain, application/json, text/x.enum; got '"
                                    + abbreviate(mime) + "'");
                }
            }
            if (g.responseSchema() != null) {
                if (!"application/json".equals(mime) && !"text/x.enum".equals(mime)) {
                    throw bad(
                            "generationConfig.responseSchema",
                            "responseSchema requires a compatible "
                                    + "responseMimeType (application/json or text/x.enum), got '" + mime + "'");
                }
                schema("generationConfig.responseSchema", g.responseSchema(), 0);
                if ("text/x.enum".equals(mime)
                        && (g.responseSchema().enumValues() == null
                                || g.responseSchema().enumValues().isEmpty())) {
                    throw bad(
                            "generationConfig.responseSchema.enum",
                            "responseMimeType text/x.enum needs a STRING responseSchema with enum values");
                }
                schema = mapper.valueToTree(g.responseSchema());
            } else if ("text/x.enum".equals(mime)) {
                throw bad("generationConfig.responseSchema", "responseMimeType text/x.enum needs a responseSchema");
            }
        }
        return new GenerationPlan(
                r, candidates, maxTokens, stops, mime, schema, thresholds, temperature, topP, topK, seed, requestHash);
    }

    private static void penalty(String field, Double value) {
        if (value != null && !(value >= -2.0 && value < 2.0)) {
            throw bad(field, field.substring(field.indexOf('.') + 1) + " must be in [-2.0, 2.0), got " + value);
        }
    }

    private static void content(String field, Content c, boolean system) {
        if (c == null) {
            throw bad(field, field + " must be an object with parts");
        }
        if (c.role() != null && !system && !ROLES.contains(c.role())) {
            throw bad(
                    field + ".role",
                    "Please use a valid role: user, model (or function); got '" + abbreviate(c.role()) + "'");
        }
        if (c.parts() == null || c.parts().isEmpty()) {
            throw bad(field + ".parts", "must include at least one parts field, which describes the content");
        }
        for (int i = 0; i < c.parts().size(); i++) {
            Part p = c.parts().get(i);
            String pf = field + ".parts[" + i + "]";
            if (p == null) {
                throw bad(pf, pf + " must be an object");
            }
            if (system && p.text() == null) {
                throw bad(pf, "systemInstruction supports text parts only");
            }
            if (p.text() != null) {
                if (p.text().isEmpty()) {
                    throw bad(
                            pf + ".text",
                            "Unable to submit request because it has an empty text parameter."
                                    + " Add a value to the parameter and try again.");
                }
            } else if (p.inlineData() != null) {
                blob(pf + ".inlineData", p.inlineData());
            } else if (p.fileData() != null) {
                if (p.fileData().fileUri() == null || p.fileData().fileUri().isBlank()) {
                    throw bad(pf + ".fileData.fileUri", "fileUri is required");
                }
            } else if (p.functionCall() != null) {
                if (p.functionCall().name() == null || p.functionCall().name().isBlank()) {
                    throw bad(pf + ".functionCall.name", "name is required");
                }
                if (p.functionCall().args() != null && !p.functionCall().args().isObject()) {
                    throw bad(pf + ".functionCall.args", "args must be a JSON object");
                }
            } else if (p.functionResponse() != null) {
                if (p.functionResponse().name() == null
                        || p.functionResponse().name().isBlank()) {
                    throw bad(pf + ".functionResponse.name", "name is required");
                }
                if (p.functionResponse().response() != null
                        && !p.functionResponse().response().isObject()) {
                    throw bad(pf + ".functionResponse.response", "response must be a JSON object");
                }
            } else if (p.executableCode() == null && p.codeExecutionResult() == null) {
                throw bad(
                        pf,
                        "a part must set one of text, inlineData, fileData, functionCall, functionResponse,"
                                + " executableCode or codeExecutionResult");
            }
        }
    }

    private static void blob(String field, Blob b) {
        if (b.mimeType() == null || b.mimeType().isBlank()) {
            throw bad(field + ".mimeType", "mimeType is required");
        }
        if (b.data() == null || b.data().isEmpty()) {
            throw bad(field + ".data", "data is required (base64)");
        }
        try {
            Base64.getMimeDecoder().decode(b.data());
        } catch (IllegalArgumentException e) {
            try {
                Base64.getUrlDecoder().decode(b.data());
            } catch (IllegalArgumentException e2) {
                throw bad(field + ".data", "data is not valid base64");
            }
        }
    }

    private static Map<HarmCategory, HarmBlockThreshold> safety(List<SafetySetting> settings) {
        Map<HarmCategory, HarmBlockThreshold> thresholds = new EnumMap<>(HarmCategory.class);
        for (HarmCategory c : SETTABLE_CATEGORIES) {
            thresholds.put(c, DEFAULT_THRESHOLD);
        }
        if (settings == null) {
            return thresholds;
        }
        Set<HarmCategory> seen = new HashSet<>();
        for (int i = 0; i < settings.size(); i++) {
            SafetySetting s = settings.get(i);
            String f = "safetySettings[" + i + "]";
            if (s == null) {
                throw bad(f, f + " must be an object");
            }
            if (s.category() == null) {
                throw bad(f + ".category", "category is required");
            }
            if (!SETTABLE_CATEGORIES.contains(s.category())) {
                throw bad(
                        f + ".category",
                        "category must be one of HARM_CATEGORY_HARASSMENT, "
                                + "HARM_CATEGORY_HATE_SPEECH, HARM_CATEGORY_SEXUALLY_EXPLICIT, "
                                + "HARM_CATEGORY_DANGEROUS_CONTENT, HARM_CATEGORY_CIVIC_INTEGRITY"
                                + (s.category() == HarmCategory.UNRECOGNIZED
                                        ? " (unknown value)"
                                        : ", got " + s.category()));
            }
            if (!seen.add(s.category())) {
                throw bad(
                        f + ".category",
                        "there should be no more than one setting per category; " + s.category() + " is repeated");
            }
            if (s.threshold() == null || s.threshold() == HarmBlockThreshold.UNRECOGNIZED) {
                throw bad(
                        f + ".threshold",
                        "threshold must be one of HARM_BLOCK_THRESHOLD_UNSPECIFIED, "
                                + "BLOCK_LOW_AND_ABOVE, BLOCK_MEDIUM_AND_ABOVE, BLOCK_ONLY_HIGH, BLOCK_NONE, OFF");
            }
            thresholds.put(
                    s.category(),
                    s.threshold() == HarmBlockThreshold.HARM_BLOCK_THRESHOLD_UNSPECIFIED
                            ? DEFAULT_THRESHOLD
                            : s.threshold());
        }
        return thresholds;
    }

    private static void tools(GenerateContentRequest r) {
        Set<String> names = new HashSet<>();
        if (r.tools() != null) {
            for (int i = 0; i < r.tools().size(); i++) {
                Tool t = r.tools().get(i);
                String tf = "tools[" + i + "]";
                if (t == null) {
                    throw bad(tf, tf + " must be an object");
                }
                if (t.functionDeclarations() == null) {
                    continue;
                }
                for (int j = 0; j < t.functionDeclarations().size(); j++) {
                    FunctionDeclaration d = t.functionDeclarations().get(j);
                    String df = tf + ".functionDeclarations[" + j + "]";
                    if (d == null
                            || d.name() == null
                            || !FUNCTION_NAME.matcher(d.name()).matches()) {
                        throw bad(
                                df + ".name",
                                "a function name must start with a letter or underscore and "
                                        + "contain only a-z, A-Z, 0-9, underscores, dots or dashes (at most 64)");
                    }
                    if (!names.add(d.name())) {
                        throw bad(df + ".name", "duplicate function declaration '" + d.name() + "'");
                    }
                    if (d.parameters() != null) {
                        schema(df + ".parameters", d.parameters(), 0);
                    }
                    if (d.response() != null) {
                        schema(df + ".response", d.response(), 0);
                    }
                }
            }
        }
        if (r.toolConfig() != null && r.toolConfig().functionCallingConfig() != null) {
            FunctionCallingConfig fc = r.toolConfig().functionCallingConfig();
            String f = "toolConfig.functionCallingConfig";
            if (fc.mode() == FunctionCallingConfig.Mode.UNRECOGNIZED) {
                throw bad(f + ".mode", "mode must be one of MODE_UNSPECIFIED, AUTO, ANY, NONE, VALIDATED");
            }
            if (fc.allowedFunctionNames() != null && !fc.allowedFunctionNames().isEmpty()) {
                if (fc.mode() != FunctionCallingConfig.Mode.ANY && fc.mode() != FunctionCallingConfig.Mode.VALIDATED) {
                    throw bad(f + ".allowedFunctionNames", "allowedFunctionNames may be set only when mode is ANY");
                }
                for (String n : fc.allowedFunctionNames()) {
                    if (!names.contains(n)) {
                        throw bad(
                                f + ".allowedFunctionNames",
                                "'" + abbreviate(String.valueOf(n)) + "' is not a declared function");
                    }
                }
            }
        }
    }

    /** Checks a Schema: known type, items on arrays, required names among properties, enum only on strings. */
    static void schema(String f, Schema s, int depth) {
        if (depth > 32) {
            throw bad(f, "schema is nested too deeply (more than 32 levels)");
        }
        SchemaType type = s.type();
        if (type == SchemaType.UNRECOGNIZED) {
            throw bad(f + ".type", "type must be one of STRING, NUMBER, INTEGER, BOOLEAN, ARRAY, OBJECT, NULL");
        }
        if (type == SchemaType.ARRAY && s.items() == null) {
            throw bad(f + ".items", "missing field: an ARRAY schema needs items");
        }
        if (s.enumValues() != null && !s.enumValues().isEmpty() && type != SchemaType.STRING) {
            throw bad(f + ".enum", "enum is only supported for STRING schemas");
        }
        if (type == SchemaType.OBJECT
                && s.properties() != null
                && s.properties().isEmpty()) {
            throw bad(f + ".properties", "should be non-empty for OBJECT type");
        }
        if (s.required() != null) {
            for (String name : s.required()) {
                if (s.properties() == null || !s.properties().containsKey(name)) {
                    throw bad(
                            f + ".required",
                            "required property '" + abbreviate(String.valueOf(name))
                                    + "' is not defined in properties");
                }
            }
        }
        for (String[] bound : new String[][] {
            {"minItems", s.minItems()},
            {"maxItems", s.maxItems()},
            {"minLength", s.minLength()},
            {"maxLength", s.maxLength()},
            {"minProperties", s.minProperties()},
            {"maxProperties", s.maxProperties()}
        }) {
            if (bound[1] != null) {
                try {
                    if (Long.parseLong(bound[1]) < 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw bad(f + "." + bound[0], bound[0] + " must be a non-negative integer");
                }
            }
        }
        if (s.minItems() != null && Long.parseLong(s.minItems()) > MAX_ITEMS) {
            throw bad(f + ".minItems", "minItems above " + MAX_ITEMS + " is not supported by the emulator");
        }
        if (s.minLength() != null && Long.parseLong(s.minLength()) > MAX_STRING) {
            throw bad(f + ".minLength", "minLength above " + MAX_STRING + " is not supported by the emulator");
        }
        if (s.minItems() != null
                && s.maxItems() != null
                && Long.parseLong(s.minItems()) > Long.parseLong(s.maxItems())) {
            throw bad(f + ".minItems", "minItems must not exceed maxItems");
        }
        if (s.pattern() != null) {
            try {
                Pattern.compile(s.pattern());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw bad(f + ".pattern", "pattern is not a valid regular expression");
            }
        }
        if (s.properties() != null) {
            for (Map.Entry<String, Schema> p : s.properties().entrySet()) {
                if (p.getValue() == null) {
                    throw bad(f + ".properties." + p.getKey(), "a property needs a schema");
                }
                schema(f + ".properties." + p.getKey(), p.getValue(), depth + 1);
            }
        }
        if (s.items() != null) {
            schema(f + ".items", s.items(), depth + 1);
        }
        if (s.anyOf() != null) {
            List<Schema> any = new ArrayList<>(s.anyOf());
            for (int i = 0; i < any.size(); i++) {
                if (any.get(i) == null) {
                    throw bad(f + ".anyOf[" + i + "]", "anyOf entries must be schemas");
                }
                schema(f + ".anyOf[" + i + "]", any.get(i), depth + 1);
            }
        }
    }

    static ApiException bad(String field, String message) {
        return ApiException.invalidArgument(field, "* GenerateContentRequest." + field + ": " + message);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
