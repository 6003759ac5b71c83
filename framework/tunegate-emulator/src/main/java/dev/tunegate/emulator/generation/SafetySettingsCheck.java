package dev.tunegate.emulator.generation;

import static dev.tunegate.emulator.generation.RequestFieldError.bad;

import dev.tunegate.client.model.HarmBlockThreshold;
import dev.tunegate.client.model.HarmCategory;
import dev.tunegate.client.model.SafetySetting;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks {@code safetySettings} and resolves the block threshold of every settable category. */
final class SafetySettingsCheck {
    /** Categories accepted in safetySettings (Gemini models). */
    static final Set<HarmCategory> SETTABLE_CATEGORIES = Set.of(
            HarmCategory.HARM_CATEGORY_HARASSMENT,
            HarmCategory.HARM_CATEGORY_HATE_SPEECH,
            HarmCategory.HARM_CATEGORY_SEXUALLY_EXPLICIT,
            HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT,
            HarmCategory.HARM_CATEGORY_CIVIC_INTEGRITY);
    /** Threshold of a category without a setting. */
    static final HarmBlockThreshold DEFAULT_THRESHOLD = HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE;

    private SafetySettingsCheck() {}

    /** The threshold of every settable category: the setting's, or {@link #DEFAULT_THRESHOLD}. */
    static Map<HarmCategory, HarmBlockThreshold> thresholds(List<SafetySetting> settings) {
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
            check(f, s, seen);
            thresholds.put(
                    s.category(),
                    s.threshold() == HarmBlockThreshold.HARM_BLOCK_THRESHOLD_UNSPECIFIED
                            ? DEFAULT_THRESHOLD
                            : s.threshold());
        }
        return thresholds;
    }

    private static void check(String f, SafetySetting s, Set<HarmCategory> seen) {
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
    }
}
