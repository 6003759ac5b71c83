package dev.tunegate.client;

import dev.tunegate.client.model.Candidate;
import dev.tunegate.client.model.CitationMetadata;
import dev.tunegate.client.model.CitationSource;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.GroundingAttribution;
import dev.tunegate.client.model.Part;
import dev.tunegate.client.model.PromptFeedback;
import dev.tunegate.client.model.SafetyRating;
import dev.tunegate.client.model.UsageMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates streamed chunks into one response: per candidate index, text parts are concatenated and other
 * parts appended; the last finishReason, safety ratings, token count and usage win; citations and grounding
 * attributions are collected.
 */
final class StreamAssembler {
    private StreamAssembler() {}

    /** Whether the chunks contain a final chunk (a finishReason) or a blocked-prompt chunk. */
    static boolean isComplete(List<GenerateContentResponse> chunks) {
        for (GenerateContentResponse c : chunks) {
            if (c.isPromptBlocked()) {
                return true;
            }
            if (c.candidates() != null) {
                for (Candidate cand : c.candidates()) {
                    if (cand.finishReason() != null && cand.finishReason() != FinishReason.FINISH_REASON_UNSPECIFIED) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static GenerateContentResponse aggregate(List<GenerateContentResponse> chunks) {
        if (chunks.isEmpty()) {
            return null;
        }
        Map<Integer, CandidateBuilder> byIndex = new TreeMap<>();
        PromptFeedback feedback = null;
        UsageMetadata usage = null;
        String modelVersion = null;
        String responseId = null;
        for (GenerateContentResponse chunk : chunks) {
            if (chunk.candidates() != null) {
                for (int i = 0; i < chunk.candidates().size(); i++) {
                    Candidate c = chunk.candidates().get(i);
                    int index = c.index() == null ? i : c.index();
                    byIndex.computeIfAbsent(index, CandidateBuilder::new).add(c);
                }
            }
            feedback = chunk.promptFeedback() != null ? chunk.promptFeedback() : feedback;
            usage = chunk.usageMetadata() != null ? chunk.usageMetadata() : usage;
            modelVersion = chunk.modelVersion() != null ? chunk.modelVersion() : modelVersion;
            responseId = chunk.responseId() != null ? chunk.responseId() : responseId;
        }
        List<Candidate> candidates = byIndex.isEmpty()
                ? null
                : byIndex.values().stream().map(CandidateBuilder::build).toList();
        return new GenerateContentResponse(candidates, feedback, usage, modelVersion, responseId);
    }

    /** Accumulates one candidate across chunks. */
    private static final class CandidateBuilder {
        private final int index;
        private String role;
        private final List<Part> parts = new ArrayList<>();
        private final StringBuilder pendingText = new StringBuilder();
        private boolean hasText;
        private boolean hasContent;
        private FinishReason finishReason;
        private List<SafetyRating> safetyRatings;
        private final List<CitationSource> citations = new ArrayList<>();
        private Integer tokenCount;
        private final List<GroundingAttribution> attributions = new ArrayList<>();

        CandidateBuilder(int index) {
            this.index = index;
        }

        void add(Candidate c) {
            Content content = c.content();
            if (content != null) {
                hasContent = true;
                role = role == null ? content.role() : role;
                if (content.parts() != null) {
                    for (Part p : content.parts()) {
                        if (p.text() != null) {
                            pendingText.append(p.text());
                            hasText = true;
                        } else {
                            flushText();
                            parts.add(p);
                        }
                    }
                }
            }
            finishReason = c.finishReason() != null ? c.finishReason() : finishReason;
            safetyRatings = c.safetyRatings() != null ? c.safetyRatings() : safetyRatings;
            if (c.citationMetadata() != null && c.citationMetadata().citationSources() != null) {
                citations.addAll(c.citationMetadata().citationSources());
            }
            tokenCount = c.tokenCount() != null ? c.tokenCount() : tokenCount;
            if (c.groundingAttributions() != null) {
                attributions.addAll(c.groundingAttributions());
            }
        }

        private void flushText() {
            if (hasText) {
                parts.add(Part.text(pendingText.toString()));
                pendingText.setLength(0);
                hasText = false;
            }
        }

        Candidate build() {
            flushText();
            Content content = hasContent ? new Content(role, List.copyOf(parts)) : null;
            return new Candidate(
                    content,
                    finishReason,
                    safetyRatings,
                    citations.isEmpty() ? null : new CitationMetadata(citations),
                    tokenCount,
                    attributions.isEmpty() ? null : attributions,
                    index);
        }
    }
}
