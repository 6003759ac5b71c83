package dev.tunegate.client.model;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A response candidate; an absent {@code finishReason} means the model has not stopped (streaming).
 * {@code avgLogprobs} (the average log probability of the candidate's tokens) is set by Vertex AI.
 */
@API(status = API.Status.EXPERIMENTAL)
public record Candidate(
        Content content,
        FinishReason finishReason,
        List<SafetyRating> safetyRatings,
        CitationMetadata citationMetadata,
        Integer tokenCount,
        List<GroundingAttribution> groundingAttributions,
        Integer index,
        Double avgLogprobs) {
    public Candidate {
        safetyRatings = Unions.copy(safetyRatings);
        groundingAttributions = Unions.copy(groundingAttributions);
    }

    /** A candidate without {@code avgLogprobs}. */
    public Candidate(
            Content content,
            FinishReason finishReason,
            List<SafetyRating> safetyRatings,
            CitationMetadata citationMetadata,
            Integer tokenCount,
            List<GroundingAttribution> groundingAttributions,
            Integer index) {
        this(content, finishReason, safetyRatings, citationMetadata, tokenCount, groundingAttributions, index, null);
    }

    /** A candidate with content and finish reason only. */
    public static Candidate of(Content content, FinishReason finishReason) {
        return new Candidate(content, finishReason, null, null, null, null, 0);
    }

    /** Concatenated text of the content's text parts, or null. */
    public String text() {
        return content == null ? null : content.text();
    }
}
