package dev.tunegate.engine.model.stats;

import org.apiguardian.api.API;

/**
 * Tokens spent by model calls: one bucket of a variant's usage (its own calls; judge calls are counted
 * in a bucket of their own). Immutable; {@link #plus} adds.
 *
 * @param calls    calls that reported usage
 * @param prompt   prompt tokens
 * @param output   output (candidate) tokens
 * @param thinking thinking tokens ({@code usageMetadata.thoughtsTokenCount} of thinking models)
 */
@API(status = API.Status.INTERNAL)
public record TokenUsage(long calls, long prompt, long output, long thinking) {

    /** Nothing spent. */
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0);

    /** One call's usage; null counts are 0. */
    public static TokenUsage of(Integer prompt, Integer output, Integer thinking) {
        return new TokenUsage(
                1, prompt == null ? 0 : prompt, output == null ? 0 : output, thinking == null ? 0 : thinking);
    }

    /** The sum of both. */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(
                calls + other.calls, prompt + other.prompt, output + other.output, thinking + other.thinking);
    }

    /** Every token counted. */
    public long total() {
        return prompt + output + thinking;
    }
}
