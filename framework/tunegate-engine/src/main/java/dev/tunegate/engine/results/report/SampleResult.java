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
        String responseJson) {

    public SampleResult {
        matchers = List.copyOf(matchers);
    }

    /** Passed: no error and every matcher held. */
    public boolean passed() {
        return error == null && matchers.stream().allMatch(MatcherResult::passed);
    }
}
