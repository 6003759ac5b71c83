package dev.tunegate.engine.matchers.graded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerationConfig;
import dev.tunegate.client.model.Schema;
import dev.tunegate.engine.matchers.Grade;
import dev.tunegate.engine.matchers.JudgeCall;
import dev.tunegate.engine.matchers.JudgeResponse;
import dev.tunegate.engine.matchers.JudgedMatcher;
import dev.tunegate.engine.matchers.MatcherOutcome;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * A third-party {@link JudgedMatcher} graded like the built-in judges: its {@link JudgeCall}s become the
 * engine's grading calls (a prompt in JSON mode with its {@code responseSchema}, or embeddings), a reply the
 * judge could not give (failed, blocked, truncated, not JSON where a schema was asked for, the wrong number
 * of vectors) is an ERROR without asking the matcher, and so is an exception from the matcher or no grade.
 *
 * @param matcher the user's matcher
 * @param name its YAML key, the name reports count it under
 */
record PluggedJudge(JudgedMatcher matcher, String name) implements ModelGradedMatcher {

    private static final ObjectMapper JSON = GeminiJson.newMapper();

    PluggedJudge {
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String kind() {
        return name;
    }

    @Override
    public String description() {
        return matcher.description();
    }

    @Override
    public List<GradingCall> calls(GradingInput input) {
        try {
            return wanted(input).stream().map(PluggedJudge::call).toList();
        } catch (RuntimeException e) {
            return List.of(); // grade asks again and reports the exception
        }
    }

    private List<JudgeCall> wanted(GradingInput input) {
        List<JudgeCall> calls = matcher.calls(input.prompt(), input.answer());
        if (calls == null) {
            throw new IllegalStateException(matcher.getClass().getName() + ".calls returned null");
        }
        return calls;
    }

    private static GradingCall call(JudgeCall call) {
        if (call.embedding()) {
            return GradingCall.embed(call.model(), call.texts());
        }
        GenerationConfig.Builder config = GenerationConfig.builder().temperature(call.temperature());
        if (call.responseSchema() != null) {
            config.responseMimeType("application/json")
                    .responseSchema(JSON.convertValue(call.responseSchema(), Schema.class));
        }
        return GradingCall.generate(
                call.model(),
                GenerateContentRequest.builder()
                        .contents(List.of(Content.user(call.prompt())))
                        .generationConfig(config.build())
                        .build());
    }

    @Override
    public GradedOutcome grade(GradingInput input, List<GradingReply> replies) {
        long tokens = replies.stream()
                .flatMap(r -> r.answer().stream())
                .mapToLong(JudgeReply::tokens)
                .sum();
        List<String> raw = replies.stream()
                .flatMap(r -> r.answer().stream())
                .map(ModelAnswer::text)
                .toList();
        List<JudgeCall> calls;
        try {
            calls = wanted(input);
        } catch (RuntimeException e) {
            return error("the matcher failed to say which calls it needs: " + e, raw, tokens);
        }
        if (calls.size() != replies.size()) {
            return error("got " + replies.size() + " replies for " + calls.size() + " calls", raw, tokens);
        }
        List<JudgeResponse> usable = new ArrayList<>(replies.size());
        for (int i = 0; i < calls.size(); i++) {
            JudgeCall call = calls.get(i);
            GradingReply reply = replies.get(i);
            String problem = problem(call, reply);
            if (problem != null) {
                return error(problem, raw, tokens);
            }
            usable.add(response(call, reply));
        }
        Grade grade;
        try {
            grade = matcher.grade(input.prompt(), input.answer(), List.copyOf(usable));
        } catch (RuntimeException | AssertionError e) {
            return error("the matcher's grade threw " + e, raw, tokens);
        }
        if (grade == null) {
            return error("the matcher's grade returned no grade", raw, tokens);
        }
        GradeStatus status = GradeStatus.valueOf(grade.status().name());
        Grading grading = new Grading(name, status, grade.score(), grade.reasoning(), grade.raw(), null, null, tokens);
        Throwable failure = switch (grade.status()) {
            case PASS -> null;
            case FAIL ->
                new AssertionFailedError(
                        "[" + description() + "] the judge's verdict is FAIL. Reasoning: " + grade.reasoning(),
                        "PASS",
                        "FAIL: " + grade.reasoning());
            case INCONCLUSIVE ->
                new AssertionFailedError("[" + description() + "] is inconclusive: " + grade.reasoning()
                        + " (an inconclusive verdict is not a pass)");
            case ERROR ->
                new JudgeGradingException("[" + description() + "] could not be graded: "
                        + grade.reasoning()
                        + (grade.raw().isEmpty()
                                ? ""
                                : "; the judge's raw output: \"" + String.join(" | ", grade.raw()) + "\"")
                        + " (never a pass)");
        };
        return new GradedOutcome(new MatcherOutcome(description(), failure), grading);
    }

    /** Why a reply cannot be handed to the matcher, or null when it can. */
    private static String problem(JudgeCall call, GradingReply reply) {
        if (reply.error().isPresent()) {
            return (call.embedding() ? "the embedding call failed: " : "the judge call failed: ")
                    + reply.error().get().getMessage();
        }
        if (call.embedding()) {
            return reply.embeddings().size() == call.texts().size()
                    ? null
                    : "the embedding call returned " + reply.embeddings().size() + " vectors for "
                            + call.texts().size() + " texts";
        }
        if (reply.answer().isEmpty()) {
            return "the judge gave no answer";
        }
        ModelAnswer answer = reply.answer().get();
        if (answer.blocked()) {
            return "the judge's answer was blocked";
        }
        if (answer.finishReason().filter(r -> r != FinishReason.STOP).isPresent()) {
            return "the judge's answer stopped with " + answer.finishReason().get() + " (truncated?)";
        }
        if (call.responseSchema() != null && json(answer.text()) == null) {
            return "the judge's answer is not JSON: \"" + answer.text() + "\"";
        }
        return null;
    }

    private static JudgeResponse response(JudgeCall call, GradingReply reply) {
        if (call.embedding()) {
            return new JudgeResponse("", null, reply.embeddings());
        }
        String text = reply.answer().get().text();
        return new JudgeResponse(text, call.responseSchema() == null ? null : json(text), List.of());
    }

    private static JsonNode json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    private GradedOutcome error(String problem, List<String> raw, long tokens) {
        return new GradedOutcome(
                new MatcherOutcome(
                        description(),
                        new JudgeGradingException("[" + description() + "] could not be graded: " + problem
                                + " (an answer the judge cannot grade is never a pass)")),
                new Grading(name, GradeStatus.ERROR, null, problem, raw, null, null, tokens));
    }
}
