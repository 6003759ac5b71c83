package dev.tunegate.emulator;

import dev.tunegate.client.model.Candidate;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.HarmSeverity;
import dev.tunegate.client.model.PromptFeedback;
import dev.tunegate.client.model.SafetyRating;
import dev.tunegate.client.model.UsageMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Gemini API response into what Vertex AI writes for the same answer: {@code createTime},
 * {@code usageMetadata.trafficType}, safety ratings with probability and severity scores, and no
 * {@code promptFeedback} unless the prompt was blocked. Every chunk of a stream shares one
 * {@code responseId} and {@code createTime}.
 */
final class VertexResponses {
    private VertexResponses() {}

    static GenerateContentResponse of(GenerateContentResponse r, String responseId, Instant createTime) {
        List<Candidate> candidates = null;
        if (r.candidates() != null) {
            candidates = new ArrayList<>();
            for (Candidate c : r.candidates()) {
                candidates.add(new Candidate(
                        c.content(),
                        c.finishReason(),
                        scored(c.safetyRatings()),
                        c.citationMetadata(),
                        c.tokenCount(),
                        c.groundingAttributions(),
                        c.index(),
                        c.avgLogprobs()));
            }
        }
        PromptFeedback feedback =
                r.promptFeedback() == null || r.promptFeedback().blockReason() == null
                        ? null
                        : new PromptFeedback(
                                r.promptFeedback().blockReason(),
                                scored(r.promptFeedback().safetyRatings()));
        UsageMetadata u = r.usageMetadata();
        UsageMetadata usage = u == null
                ? null
                : new UsageMetadata(
                        u.promptTokenCount(),
                        u.cachedContentTokenCount(),
                        u.candidatesTokenCount(),
                        u.totalTokenCount(),
                        "ON_DEMAND",
                        u.thoughtsTokenCount());
        return new GenerateContentResponse(candidates, feedback, usage, r.modelVersion(), responseId, createTime);
    }

    private static List<SafetyRating> scored(List<SafetyRating> ratings) {
        if (ratings == null) {
            return null;
        }
        List<SafetyRating> out = new ArrayList<>();
        for (SafetyRating s : ratings) {
            if (s.probability() == null) {
                out.add(s);
                continue;
            }
            switch (s.probability()) {
                case NEGLIGIBLE -> out.add(scored(s, 0.05, HarmSeverity.HARM_SEVERITY_NEGLIGIBLE, 0.03));
                case LOW -> out.add(scored(s, 0.3, HarmSeverity.HARM_SEVERITY_LOW, 0.25));
                case MEDIUM -> out.add(scored(s, 0.6, HarmSeverity.HARM_SEVERITY_MEDIUM, 0.55));
                case HIGH -> out.add(scored(s, 0.9, HarmSeverity.HARM_SEVERITY_HIGH, 0.85));
                default -> out.add(s);
            }
        }
        return out;
    }

    private static SafetyRating scored(SafetyRating s, double probability, HarmSeverity severity, double score) {
        return new SafetyRating(s.category(), s.probability(), s.blocked(), probability, severity, score);
    }
}
