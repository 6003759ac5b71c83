package dev.tunegate.engine.results.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tunegate.client.GeminiApiException;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.Part;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.matchers.Verdict;
import dev.tunegate.engine.matchers.graded.GradedOutcome;
import dev.tunegate.engine.matchers.graded.Grading;
import dev.tunegate.engine.model.suite.MatcherSpec;
import dev.tunegate.engine.results.report.MatcherResult;
import dev.tunegate.engine.results.report.SampleResult;
import dev.tunegate.engine.run.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the engine's samples and verdicts into the report model, redacting the API key from every
 * text, at one of three levels of detail (see {@link Detail}).
 */
final class SampleMapper {

    /** How much of a sample to keep. */
    enum Detail {
        /** Everything, with the request and response JSON (for Allure attachments). */
        FULL,
        /** Answer and every matcher result (for compare.html). */
        ANSWERS,
        /** What statistics and failure lists need: no answer, only failed matchers (bounded memory). */
        OUTCOME
    }

    private static final ObjectWriter JSON = GeminiJson.newMapper().writerWithDefaultPrettyPrinter();
    private static final int MAX_MESSAGE = 2000;

    private final Secrets secrets;

    SampleMapper(Secrets secrets) {
        this.secrets = secrets;
    }

    SampleResult map(Sample sample, Optional<Verdict> verdict, List<MatcherSpec> specs, Detail detail) {
        boolean detailed = detail != Detail.OUTCOME;
        boolean json = detail == Detail.FULL;
        Optional<ModelAnswer> answer = sample.answer();
        List<MatcherResult> matchers = new ArrayList<>();
        if (verdict.isPresent()) {
            List<dev.tunegate.engine.matchers.MatcherOutcome> results =
                    verdict.get().results();
            for (int i = 0; i < results.size(); i++) {
                var r = results.get(i);
                if (!detailed && r.passed()) {
                    continue;
                }
                MatcherSpec spec = i < specs.size() ? specs.get(i) : null;
                GradedOutcome graded = sample.graded().get(i);
                matchers.add(new MatcherResult(
                        spec == null ? "matcher" : spec.name(),
                        secrets.redact(r.description()),
                        r.passed(),
                        r.passed() ? null : secrets.redact(truncate(r.message())),
                        spec == null ? 0 : spec.position().line(),
                        graded == null || !detailed ? null : secrets.redact(truncate(judgement(graded.grading()))),
                        !r.passed()
                                && graded != null
                                && graded.grading().status()
                                        == dev.tunegate.engine.matchers.graded.GradeStatus.INCONCLUSIVE));
            }
        }
        var usage = answer.flatMap(ModelAnswer::usage);
        return new SampleResult(
                detailed ? answer.map(a -> secrets.redact(a.text())).orElse(null) : null,
                answer.flatMap(ModelAnswer::finishReason).map(Enum::name).orElse(null),
                matchers,
                answer.map(a -> a.latency().toMillis()).orElse(0L),
                usage.map(u -> u.promptTokenCount()).orElse(null),
                usage.map(u -> u.candidatesTokenCount()).orElse(null),
                usage.map(u -> u.totalTokenCount()).orElse(null),
                answer.map(ModelAnswer::retries)
                        .orElseGet(() ->
                                sample.error().map(SampleMapper::retriesOf).orElse(0)),
                sample.error()
                        .map(e -> secrets.redact(
                                Objects.toString(e.getMessage(), e.getClass().getName())))
                        .orElse(null),
                json ? json(sample.request()) : null,
                json ? answer.map(a -> json(a.response())).orElse(null) : null,
                answer.flatMap(ModelAnswer::timeToFirstChunk)
                        .map(d -> d.toMillis())
                        .orElse(null));
    }

    /** A model-graded check's verdict as one text: status, score, advisory note, reasoning, compared answer. */
    static String judgement(Grading g) {
        StringBuilder text = new StringBuilder(g.kind()).append(' ').append(g.status());
        if (g.score() != null) {
            text.append(String.format(java.util.Locale.ROOT, " (score %.3f)", g.score()));
        }
        if (g.advisory() != null) {
            text.append(" [advisory: ").append(g.advisory()).append(']');
        }
        if (!g.reasoning().isEmpty()) {
            text.append(": ").append(g.reasoning());
        }
        if (!g.raw().isEmpty()) {
            text.append("\nraw judge output: ").append(String.join(" | ", g.raw()));
        }
        if (g.compared() != null) {
            text.append("\ncompared answer: ").append(g.compared());
        }
        return text.toString();
    }

    /** Retries a failed call made before giving up: its attempts but the first (a wrapped client failure). */
    static int retriesOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof GeminiApiException api) {
                return Math.max(0, api.attempts() - 1);
            }
        }
        return 0;
    }

    /** The prompt as sent: the text parts of every content, one turn per line (role-prefixed when multi-turn). */
    String prompt(GenerateContentRequest request) {
        if (request == null || request.contents() == null) {
            return null;
        }
        List<Content> contents = request.contents();
        String text = contents.stream()
                .filter(Objects::nonNull)
                .map(c -> {
                    String parts = c.parts() == null
                            ? ""
                            : c.parts().stream()
                                    .filter(Objects::nonNull)
                                    .map(Part::text)
                                    .filter(Objects::nonNull)
                                    .collect(Collectors.joining());
                    return contents.size() > 1 ? Objects.toString(c.role(), "user") + ": " + parts : parts;
                })
                .collect(Collectors.joining("\n"));
        return secrets.redact(text);
    }

    private String json(Object value) {
        try {
            return secrets.redact(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
