package dev.tunegate.client.model;

import java.util.List;
import org.apiguardian.api.API;

/** Safety feedback about the prompt; a set {@code blockReason} means no candidates were returned. */
@API(status = API.Status.EXPERIMENTAL)
public record PromptFeedback(BlockReason blockReason, List<SafetyRating> safetyRatings) {
    public PromptFeedback {
        safetyRatings = Unions.copy(safetyRatings);
    }
}
