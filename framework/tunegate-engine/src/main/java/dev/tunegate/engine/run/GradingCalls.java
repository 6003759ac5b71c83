package dev.tunegate.engine.run;

import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.Part;
import dev.tunegate.engine.config.JudgeSettings;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherOutcome;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.matchers.graded.GradeStatus;
import dev.tunegate.engine.matchers.graded.GradedOutcome;
import dev.tunegate.engine.matchers.graded.Grading;
import dev.tunegate.engine.matchers.graded.GradingCall;
import dev.tunegate.engine.matchers.graded.GradingInput;
import dev.tunegate.engine.matchers.graded.GradingReply;
import dev.tunegate.engine.matchers.graded.JudgeGradingException;
import dev.tunegate.engine.matchers.graded.ModelGradedMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Grades one answer with the case's model-graded matchers: makes the calls each one asks for through the
 * run's gateway (judge calls as {@code generateContent} calls of the test, so they are limited, retried,
 * recorded and replayed like the test's own; embeddings in one batch per answer of the texts not yet
 * embedded in this run), then lets the matcher turn the replies into its outcome.
 */
final class GradingCalls {
    private static final int MAX_BATCH = 100;

    private final ModelGateway gateway;
    private final JudgeSettings settings;
    private final Map<String, CompletableFuture<double[]>> embeddings = new ConcurrentHashMap<>();

    GradingCalls(ModelGateway gateway, JudgeSettings settings) {
        this.gateway = gateway;
        this.settings = settings;
    }

    /** Whether any of the matchers is graded by a model. */
    static boolean needed(List<Matcher> matchers) {
        return matchers.stream().anyMatch(ModelGradedMatcher.class::isInstance);
    }

    /**
     * The outcomes of the model-graded matchers of {@code test} on sample {@code sample}'s answer, by
     * matcher index; {@code compared} gives another variant's answer to the same case and sample.
     */
    CompletableFuture<Map<Integer, GradedOutcome>> grade(
            PlannedTest test,
            int sample,
            GenerateContentRequest request,
            ModelAnswer answer,
            Function<String, CompletableFuture<Optional<ModelAnswer>>> compared) {
        Map<Integer, CompletableFuture<GradedOutcome>> outcomes = new LinkedHashMap<>();
        String prompt = promptText(request);
        for (int i = 0; i < test.matchers().size(); i++) {
            Matcher m = test.matchers().get(i);
            if (!(m instanceof ModelGradedMatcher graded)) {
                continue;
            }
            CompletableFuture<Optional<ModelAnswer>> other;
            try {
                other = graded.comparedVariant()
                        .filter(v -> !v.equals(test.variant().name()))
                        .map(compared)
                        .orElse(CompletableFuture.completedFuture(Optional.empty()))
                        .exceptionally(e -> Optional.empty());
            } catch (RuntimeException e) {
                other = CompletableFuture.completedFuture(Optional.empty());
            }
            outcomes.put(i, other.thenCompose(o -> {
                GradingInput input =
                        new GradingInput(prompt, answer, test.variant().name(), o);
                List<CompletableFuture<GradingReply>> replies = new ArrayList<>();
                for (GradingCall call : graded.calls(input)) {
                    replies.add(call(test, sample, call));
                }
                return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                        .thenApply(ignored -> graded.grade(
                                input,
                                replies.stream().map(CompletableFuture::join).toList()))
                        .completeOnTimeout(null, settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                        .thenApply(outcome -> outcome != null ? outcome : late(graded));
            }));
        }
        return CompletableFuture.allOf(outcomes.values().toArray(CompletableFuture[]::new))
                .thenApply(ignored -> {
                    Map<Integer, GradedOutcome> done = new LinkedHashMap<>();
                    outcomes.forEach((i, f) -> done.put(i, f.join()));
                    return done;
                });
    }

    /** The outcome of a check whose calls did not finish within {@code tunegate.judge.timeout}: an ERROR. */
    private GradedOutcome late(ModelGradedMatcher graded) {
        String problem = "did not finish within the time limit of " + settings.timeout()
                + " (tunegate.judge.timeout): a judge or embedding call hangs";
        return new GradedOutcome(
                new MatcherOutcome(
                        graded.description(),
                        new JudgeGradingException("[" + graded.description() + "] " + problem
                                + ", so this check fails (an answer the judge cannot grade is never a pass)")),
                new Grading(graded.kind(), GradeStatus.ERROR, null, problem, List.of(), null, null, 0));
    }

    private CompletableFuture<GradingReply> call(PlannedTest test, int sample, GradingCall call) {
        CompletableFuture<GradingReply> reply;
        try {
            if (call.embedding()) {
                String model = call.model().orElse(settings.embeddingModel());
                reply = embed(test, model, call.texts()).thenApply(GradingReply::of);
            } else {
                String model = call.model().orElse(settings.judgeModel());
                reply = gateway.generate(test, sample, model, call.request()).thenApply(GradingReply::of);
            }
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply.exceptionally(e -> GradingReply.failed(unwrap(e)));
    }

    /**
     * The embeddings of {@code texts}: cached ones from this run, the others in batches of at most 100. The
     * cache is per suite, so that every suite's recordings hold the embeddings it uses and replay on their own.
     */
    private CompletableFuture<List<double[]>> embed(PlannedTest test, String model, List<String> texts) {
        String scope = test.suite().name() + "\n" + model + "\n";
        List<String> missing = new ArrayList<>();
        Map<String, CompletableFuture<double[]>> mine = new LinkedHashMap<>();
        List<CompletableFuture<double[]>> all = new ArrayList<>(texts.size());
        for (String text : texts) {
            String key = scope + text;
            CompletableFuture<double[]> created = new CompletableFuture<>();
            CompletableFuture<double[]> existing = embeddings.putIfAbsent(key, created);
            if (existing == null) {
                missing.add(text);
                mine.put(text, created);
                all.add(created);
            } else {
                all.add(existing);
            }
        }
        for (int from = 0; from < missing.size(); from += MAX_BATCH) {
            List<String> batch = List.copyOf(missing.subList(from, Math.min(missing.size(), from + MAX_BATCH)));
            CompletableFuture<List<double[]>> vectors;
            try {
                vectors = gateway.embed(test, model, batch);
            } catch (RuntimeException e) {
                vectors = CompletableFuture.failedFuture(e);
            }
            vectors.whenComplete((result, error) -> {
                for (int i = 0; i < batch.size(); i++) {
                    CompletableFuture<double[]> f = mine.get(batch.get(i));
                    if (error != null || result == null || result.size() != batch.size()) {
                        embeddings.remove(scope + batch.get(i), f); // a failure is not cached
                        f.completeExceptionally(
                                error != null ? error : new IllegalStateException("wrong number of embeddings"));
                    } else {
                        f.complete(result.get(i));
                    }
                }
            });
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> all.stream().map(CompletableFuture::join).toList());
    }

    /** The text of every turn of the request, one per line. */
    static String promptText(GenerateContentRequest request) {
        if (request == null || request.contents() == null) {
            return "";
        }
        return request.contents().stream()
                .filter(Objects::nonNull)
                .map(Content::parts)
                .filter(Objects::nonNull)
                .map(parts -> parts.stream()
                        .filter(Objects::nonNull)
                        .map(Part::text)
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
