package dev.tunegate.engine.matchers.thirdparty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.engine.matchers.Grade;
import dev.tunegate.engine.matchers.JudgeCall;
import dev.tunegate.engine.matchers.JudgeResponse;
import dev.tunegate.engine.matchers.JudgedMatcher;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.util.List;
import java.util.Locale;

/**
 * A third-party model-graded matcher outside TuneGate's packages, through the public SPI only: {@code
 * onTopic: {rubric: ..., topic: ..., explode: false}} asks the judge model for a verdict on the rubric (its own
 * prompt and response schema) and embeds the answer and the topic; it passes when the judge says PASS, with
 * the cosine similarity as its score. {@code explode: true} makes its grading throw.
 */
public final class RubricAndTopicJudgeFactory implements MatcherFactory {

    private static final JsonNode SCHEMA = schema();

    private static JsonNode schema() {
        try {
            return new ObjectMapper()
                    .readTree("{\"type\": \"object\", \"properties\": {\"verdict\": {\"type\": \"string\","
                            + " \"enum\": [\"PASS\", \"FAIL\"]}, \"score\": {\"type\": \"number\"},"
                            + " \"reasoning\": {\"type\": \"string\"}}, \"required\": [\"verdict\", \"reasoning\"]}");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "onTopic";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        if (!argument.path("rubric").isTextual() || !argument.path("topic").isTextual()) {
            throw new MatcherDefinitionException("onTopic needs {rubric: ..., topic: ...}");
        }
        String rubric = argument.get("rubric").textValue();
        String topic = argument.get("topic").textValue();
        boolean explode = argument.path("explode").asBoolean(false);
        return new JudgedMatcher() {
            @Override
            public List<JudgeCall> calls(String prompt, ModelAnswer answer) {
                return List.of(
                        JudgeCall.generate(
                                "Grade the answer against the rubric.\n<rubric>\n" + rubric + "\n</rubric>\n<answer>\n"
                                        + answer.text() + "\n</answer>",
                                SCHEMA),
                        JudgeCall.embed(List.of(answer.text(), topic)));
            }

            @Override
            public Grade grade(String prompt, ModelAnswer answer, List<JudgeResponse> replies) {
                if (explode) {
                    throw new IllegalStateException("the grader exploded");
                }
                String verdict = replies.get(0).json().path("verdict").asText();
                double[] a = replies.get(1).embeddings().get(0);
                double[] b = replies.get(1).embeddings().get(1);
                double dot = 0;
                for (int i = 0; i < a.length; i++) {
                    dot += a[i] * b[i];
                }
                double score = Math.max(0, Math.min(1, dot));
                String reasoning = replies.get(0).json().path("reasoning").asText()
                        + String.format(Locale.ROOT, "; cosine to the topic %.3f", dot);
                return (verdict.equals("PASS") ? Grade.pass(reasoning) : Grade.fail(reasoning)).withScore(score);
            }

            @Override
            public String description() {
                return "onTopic \"" + rubric + "\"";
            }
        };
    }
}
