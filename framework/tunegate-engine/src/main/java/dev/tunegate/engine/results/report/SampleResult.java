package dev.tunegate.engine.results.report;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One model call of one case on one variant, and what the matchers made of it.
 *
 * @param answer        the model's answer text (may be empty), or null when there was no response
 * @param finishReason  the candidate's finish reason, or null
 * @param matchers      every matcher's result, in suite order
 * @param latencyMillis wall time of the call in milliseconds
 * @param promptTokens  prompt token count, or null
 * @param outputTokens  output (candidates) token count, or null
 * @param totalTokens   total token count, or null
 * @param retries       transport retries the client needed
 * @param error         infrastructure error message (starts with {@code HTTP <code>}), or null
 * @param requestJson   the request sent, as redacted JSON (for Allure attachments), or null
 * @param responseJson  the response received, as redacted JSON (for Allure attachments), or null
 * @param firstChunkMillis time to the first chunk in milliseconds when the call was streamed, else null
 */
@API(status = API.Status.INTERNAL)
public record SampleResult(
        String answer,
        String finishReason,
        List<MatcherResult> matchers,
        long latencyMillis,
        Integer promptTokens,
        Integer outputTokens,
        Integer totalTokens,
        int retries,
        String error,
        String requestJson,
        String responseJson,
        Long firstChunkMillis) {

    public SampleResult {
        matchers = List.copyOf(matchers);
    }

    /** A sample of a call that was not streamed. */
    public SampleResult(
            String answer,
            String finishReason,
            List<MatcherResult> matchers,
            long latencyMillis,
            Integer promptTokens,
            Integer outputTokens,
            Integer totalTokens,
            int retries,
            String error,
            String requestJson,
            String responseJson) {
        this(
                answer,
                finishReason,
                matchers,
                latencyMillis,
                promptTokens,
                outputTokens,
                totalTokens,
                retries,
                error,
                requestJson,
                responseJson,
                null);
    }

    /**
     * Output tokens per second after the first chunk (the model's generation speed) of a streamed
     * call; null when the call was not streamed, has no output token count, or ended with its first chunk.
     */
    public Double tokensPerSecond() {
        if (firstChunkMillis == null || outputTokens == null || latencyMillis <= firstChunkMillis) {
            return null;
        }
        return outputTokens * 1000.0 / (latencyMillis - firstChunkMillis);
    }

    /** Passed: no error and every matcher held. */
    public boolean passed() {
        return error == null && matchers.stream().allMatch(MatcherResult::passed);
    }

    /** Whether it would have passed but for INCONCLUSIVE model-graded checks: no error, every other matcher held. */
    public boolean passedUnlessInconclusive() {
        return error == null && matchers.stream().allMatch(m -> m.passed() || m.inconclusive());
    }
}
