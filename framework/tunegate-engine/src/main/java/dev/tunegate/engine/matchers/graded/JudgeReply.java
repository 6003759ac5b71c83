package dev.tunegate.engine.matchers.graded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One judge answer read strictly: a blocked, truncated or failed call, text that is not a JSON object,
 * or a missing or unknown verdict/winner is {@link #unusable() unusable}, never a pass.
 *
 * @param field the answer field read ({@code verdict} or {@code winner}), upper-cased; null when unusable
 * @param score the score, when the judge gave one in [0, 1]
 * @param reasoning the reasoning ("" when absent)
 * @param raw the judge's raw text (for error reports)
 * @param problem why the answer cannot be used; null when it can
 * @param tokens the call's total tokens (0 when not reported)
 */
@API(status = API.Status.INTERNAL)
public record JudgeReply(String field, Double score, String reasoning, String raw, String problem, long tokens) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the judge could not grade. */
    public boolean unusable() {
        return problem != null;
    }

    /** Reads {@code key} ({@code verdict} or {@code winner}) from a reply, accepting only {@code allowed} values. */
    public static JudgeReply read(GradingReply reply, String key, List<String> allowed) {
        if (reply.error().isPresent()) {
            Throwable e = reply.error().get();
            return new JudgeReply(null, null, "", "", "the judge call failed: " + e.getMessage(), 0);
        }
        if (reply.answer().isEmpty()) {
            return new JudgeReply(null, null, "", "", "the judge gave no answer", 0);
        }
        ModelAnswer answer = reply.answer().get();
        long tokens = tokens(answer);
        String raw = answer.text();
        if (answer.blocked()) {
            return new JudgeReply(null, null, "", raw, "the judge's answer was blocked", tokens);
        }
        if (answer.finishReason().filter(r -> r != FinishReason.STOP).isPresent()) {
            return new JudgeReply(
                    null,
                    null,
                    "",
                    raw,
                    "the judge's answer stopped with " + answer.finishReason().get() + " (truncated?)",
                    tokens);
        }
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            return new JudgeReply(null, null, "", raw, "the judge's answer is not a JSON object", tokens);
        }
        JsonNode value = node.get(key);
        String field =
                value != null && value.isTextual() ? value.asText().strip().toUpperCase(Locale.ROOT) : null;
        if (field == null || !allowed.contains(field)) {
            return new JudgeReply(
                    null, null, "", raw, "the judge's answer has no " + key + " (one of " + allowed + ")", tokens);
        }
        Double score = null;
        JsonNode s = node.get("score");
        if (s != null && s.isNumber()) {
            if (s.asDouble() < 0 || s.asDouble() > 1) {
                return new JudgeReply(null, null, "", raw, "the judge's score " + s + " is not in [0, 1]", tokens);
            }
            score = s.asDouble();
        }
        JsonNode reasoning = node.get("reasoning");
        return new JudgeReply(
                field, score, reasoning != null && reasoning.isTextual() ? reasoning.asText() : "", raw, null, tokens);
    }

    /** The total tokens of a judge answer (0 when not reported). */
    static long tokens(ModelAnswer answer) {
        return answer.usage()
                .map(u -> u.totalTokenCount() == null ? 0L : u.totalTokenCount().longValue())
                .orElse(0L);
    }

    /** Optional text for a reference. */
    static Optional<String> optional(String text) {
        return Optional.ofNullable(text).filter(t -> !t.isBlank());
    }
}
