package dev.tunegate.emulator.generation;

import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerationConfig;
import dev.tunegate.client.model.ThinkingConfig;

/**
 * The thinking tokens the emulator reports ({@code usageMetadata.thoughtsTokenCount}, public API, not in the seeds):
 * only a thinking-capable model ({@code gemini-2.5-*}) asked with a
 * {@code generationConfig.thinkingConfig} whose {@code thinkingBudget} is positive (or {@code -1}, dynamic) thinks.
 * It thinks {@code 16 + 4 × prompt tokens}, capped by the budget (dynamic: by {@value #DYNAMIC_CAP}); no thought text
 * is generated, only counted. A model that does not think ignores the config and reports none.
 */
final class Thinking {
    static final int DYNAMIC_CAP = 8192;

    private Thinking() {}

    /** Thinking tokens of a request to {@code model} with {@code promptTokens}, or null when it does not think. */
    static Integer tokens(String model, GenerateContentRequest request, int promptTokens) {
        GenerationConfig g = request.generationConfig();
        ThinkingConfig t = g == null ? null : g.thinkingConfig();
        if (t == null || t.thinkingBudget() == null || !thinks(model)) {
            return null;
        }
        int budget = t.thinkingBudget();
        if (budget == 0) {
            return null;
        }
        int cap = budget < 0 ? DYNAMIC_CAP : budget;
        return (int) Math.min(cap, 16L + 4L * promptTokens);
    }

    private static boolean thinks(String model) {
        return model != null && model.contains("gemini-2.5-");
    }
}
