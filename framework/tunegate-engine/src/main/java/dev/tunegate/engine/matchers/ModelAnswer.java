package dev.tunegate.engine.matchers;

import dev.tunegate.client.model.BlockReason;
import dev.tunegate.client.model.Candidate;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.Part;
import dev.tunegate.client.model.PromptFeedback;
import dev.tunegate.client.model.SafetyRating;
import dev.tunegate.client.model.UsageMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What a model answered to one case, as the matchers see it: the {@code generateContent} response
 * (for a streamed call, the chunks merged into one response), how long the call took, the time to
 * the first streamed chunk when the call was streamed, and how many transport retries it needed.
 *
 * @param response the model's response; never {@code null}
 * @param latency total wall time of the call, retries included
 * @param timeToFirstChunk time until the first chunk arrived; empty when the call was not streamed
 * @param retries how many times the transport retried the call (0 when the first attempt succeeded)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ModelAnswer(
        GenerateContentResponse response, Duration latency, Optional<Duration> timeToFirstChunk, int retries) {

    private static final Set<FinishReason> BLOCKING_FINISH_REASONS =
            Set.of(FinishReason.SAFETY, FinishReason.BLOCKLIST, FinishReason.PROHIBITED_CONTENT, FinishReason.SPII);

    /** Validates the components; a {@code null} time to first chunk means "not streamed". */
    public ModelAnswer {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(latency, "latency");
        timeToFirstChunk = timeToFirstChunk == null ? Optional.empty() : timeToFirstChunk;
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
    }

    /** An answer to a non-streamed call that needed no retries. */
    public static ModelAnswer of(GenerateContentResponse response, Duration latency) {
        return new ModelAnswer(response, latency, Optional.empty(), 0);
    }

    /** The first candidate, if the model returned any (none when the prompt was blocked). */
    public Optional<Candidate> firstCandidate() {
        List<Candidate> candidates = response.candidates();
        return candidates == null || candidates.isEmpty() ? Optional.empty() : Optional.ofNullable(candidates.get(0));
    }

    /** Whether the model returned at least one candidate. */
    public boolean hasCandidate() {
        return firstCandidate().isPresent();
    }

    /** The text parts of the first candidate, concatenated; empty when there is no candidate or no text. */
    public String text() {
        return firstCandidate()
                .map(Candidate::content)
                .map(Content::parts)
                .map(parts -> parts.stream()
                        .filter(Objects::nonNull)
                        .map(Part::text)
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining()))
                .orElse("");
    }

    /** Why the first candidate stopped; empty when there is no candidate or the model did not say. */
    public Optional<FinishReason> finishReason() {
        return firstCandidate().map(Candidate::finishReason);
    }

    /** Why the prompt was blocked; empty when it was not. */
    public Optional<BlockReason> blockReason() {
        return Optional.ofNullable(response.promptFeedback()).map(PromptFeedback::blockReason);
    }

    /** The first candidate's safety ratings (empty list when none). */
    public List<SafetyRating> candidateRatings() {
        return firstCandidate().map(Candidate::safetyRatings).map(List::copyOf).orElse(List.of());
    }

    /** The prompt's safety ratings from the prompt feedback (empty list when none). */
    public List<SafetyRating> promptRatings() {
        return Optional.ofNullable(response.promptFeedback())
                .map(PromptFeedback::safetyRatings)
                .map(List::copyOf)
                .orElse(List.of());
    }

    /**
     * The ratings that describe the answer: the first candidate's, or the prompt's when the model
     * returned no candidate (a blocked prompt).
     */
    public List<SafetyRating> ratings() {
        return hasCandidate() ? candidateRatings() : promptRatings();
    }

    /**
     * Whether the answer was blocked: the prompt was blocked, the first candidate stopped for a safety
     * reason (SAFETY, BLOCKLIST, PROHIBITED_CONTENT, SPII), or any rating says {@code blocked: true}.
     */
    public boolean blocked() {
        return blockReason().isPresent()
                || finishReason().filter(BLOCKING_FINISH_REASONS::contains).isPresent()
                || candidateRatings().stream().anyMatch(r -> Boolean.TRUE.equals(r.blocked()))
                || promptRatings().stream().anyMatch(r -> Boolean.TRUE.equals(r.blocked()));
    }

    /** Token counts reported by the API, if any. */
    public Optional<UsageMetadata> usage() {
        return Optional.ofNullable(response.usageMetadata());
    }
}
