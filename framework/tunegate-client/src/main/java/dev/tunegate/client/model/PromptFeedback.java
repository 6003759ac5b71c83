package dev.tunegate.client.model;

import java.util.List;

/** Safety feedback about the prompt; a set {@code blockReason} means no candidates were returned. */
public record PromptFeedback(BlockReason blockReason, List<SafetyRating> safetyRatings) {
    public PromptFeedback {
        safetyRatings = Unions.copy(safetyRatings);
    }
}
