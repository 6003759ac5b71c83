package dev.tunegate.emulator.safety;

import dev.tunegate.client.model.HarmCategory;
import dev.tunegate.client.model.HarmProbability;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Rates a text for harm. The emulator calls it on the prompt and on every answer; the result decides
 * {@code safetyRatings} and blocking per {@code safetySettings}. Replace it through
 * {@code GeminiEmulator.builder().safetyClassifier(...)}; the default is {@link LexiconClassifier}.
 */
@API(status = API.Status.EXPERIMENTAL)
public interface SafetyClassifier {
    /**
     * The probability of harm per category. Every category in {@link #categories()} must be present;
     * implementations must be thread-safe.
     */
    Map<HarmCategory, HarmProbability> rate(String text);

    /** The categories this classifier rates, in the order ratings are reported. */
    java.util.List<HarmCategory> categories();
}
