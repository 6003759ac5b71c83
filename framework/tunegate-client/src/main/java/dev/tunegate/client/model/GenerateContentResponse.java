package dev.tunegate.client.model;

import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Response of generateContent, and one chunk of streamGenerateContent. {@code modelVersion} and
 * {@code responseId} follow the public API (not in the seeds); {@code createTime} is set by Vertex AI.
 */
@API(status = API.Status.EXPERIMENTAL)
public record GenerateContentResponse(
        List<Candidate> candidates,
        PromptFeedback promptFeedback,
        UsageMetadata usageMetadata,
        String modelVersion,
        String responseId,
        Instant createTime) {
    public GenerateContentResponse {
        candidates = Unions.copy(candidates);
    }

    /** A response without {@code createTime} (the Gemini API does not set it). */
    public GenerateContentResponse(
            List<Candidate> candidates,
            PromptFeedback promptFeedback,
            UsageMetadata usageMetadata,
            String modelVersion,
            String responseId) {
        this(candidates, promptFeedback, usageMetadata, modelVersion, responseId, null);
    }

    /** A response with candidates and usage only. */
    public static GenerateContentResponse of(List<Candidate> candidates, UsageMetadata usage) {
        return new GenerateContentResponse(candidates, null, usage, null, null);
    }

    /** The first candidate's concatenated text, or null when there is no candidate or no text. */
    public String text() {
        Candidate first = firstCandidate();
        return first == null ? null : first.text();
    }

    /** The first candidate, or null. */
    public Candidate firstCandidate() {
        return candidates == null || candidates.isEmpty() ? null : candidates.get(0);
    }

    /** The first candidate's finish reason, or null. */
    public FinishReason finishReason() {
        Candidate first = firstCandidate();
        return first == null ? null : first.finishReason();
    }

    /** Whether the prompt was blocked ({@code promptFeedback.blockReason} set). */
    public boolean isPromptBlocked() {
        return promptFeedback != null && promptFeedback.blockReason() != null;
    }
}
