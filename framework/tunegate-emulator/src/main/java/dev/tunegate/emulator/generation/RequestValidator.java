package dev.tunegate.emulator.generation;

import static dev.tunegate.emulator.generation.RequestFieldError.abbreviate;
import static dev.tunegate.emulator.generation.RequestFieldError.bad;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.HarmBlockThreshold;
import dev.tunegate.client.model.HarmCategory;
import dev.tunegate.emulator.http.ApiException;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Checks a generateContent request against the documented ranges and limits; every violation is a
 * 400 INVALID_ARGUMENT whose message and {@code BadRequest.fieldViolations[].field} name the field.
 * The parts are checked in a fixed order (contents, system instruction, safety settings, tools, cached
 * content, generation config), so a request with several faults always gets the same error; each part
 * has its own check class.
 */
@API(status = API.Status.INTERNAL)
public final class RequestValidator {
    private static final Pattern CACHED_CONTENT = Pattern.compile("cachedContents/[A-Za-z0-9][A-Za-z0-9_\\-]*");

    private final int outputTokenLimit;
    private final GenerationConfigCheck generationConfig;

    /** A validator for models whose output token limit is {@code outputTokenLimit}. */
    public RequestValidator(int outputTokenLimit) {
        this.outputTokenLimit = outputTokenLimit;
        this.generationConfig = new GenerationConfigCheck(outputTokenLimit);
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
            ContentsCheck.content("contents[" + i + "]", r.contents().get(i), false);
        }
        if (r.systemInstruction() != null) {
            ContentsCheck.content("systemInstruction", r.systemInstruction(), true);
        }
        Map<HarmCategory, HarmBlockThreshold> thresholds = SafetySettingsCheck.thresholds(r.safetySettings());
        ToolsCheck.check(r);
        cachedContent(r.cachedContent());
        GenerationConfigCheck.Options o = generationConfig.check(r.generationConfig(), mapper);
        return new GenerationPlan(
                r,
                o.candidates(),
                o.maxTokens(),
                o.stops(),
                o.mime(),
                o.schema(),
                thresholds,
                o.temperature(),
                o.topP(),
                o.topK(),
                o.seed(),
                requestHash);
    }

    /** A well-formed cached content name is still 404: the emulator serves none. */
    private static void cachedContent(String name) {
        if (name == null) {
            return;
        }
        if (!CACHED_CONTENT.matcher(name).matches()) {
            throw bad(
                    "cachedContent",
                    "cachedContent must have the form cachedContents/{id}, got '" + abbreviate(name) + "'");
        }
        throw ApiException.notFound("CachedContent not found (or permission denied): " + name
                + ". The TuneGate emulator serves no cached contents.");
    }
}
