package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.apiguardian.api.API;

/**
 * How much a thinking model (Gemini 2.5) may think before it answers ({@code generationConfig.thinkingConfig}, from
 * the public API; not in the seeds). The tokens it thinks are reported as {@link UsageMetadata#thoughtsTokenCount()}.
 *
 * @param thinkingBudget  at most this many thinking tokens; {@code 0} turns thinking off, {@code -1} lets the model
 *                        decide
 * @param includeThoughts return thought summaries in the answer's parts
 */
@API(status = API.Status.EXPERIMENTAL)
public record ThinkingConfig(
        @JsonAlias("thinking_budget") Integer thinkingBudget,
        @JsonAlias("include_thoughts") Boolean includeThoughts) {

    /** A budget of thinking tokens. */
    public static ThinkingConfig budget(int tokens) {
        return new ThinkingConfig(tokens, null);
    }
}
