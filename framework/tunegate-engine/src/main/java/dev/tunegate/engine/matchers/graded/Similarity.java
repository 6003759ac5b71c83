package dev.tunegate.engine.matchers.graded;

import dev.tunegate.engine.matchers.MatcherOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * The {@code similar} matcher: the cosine similarity between the embedding of the answer and that of
 * each reference text must reach {@code min} for at least one reference. The embeddings come from the
 * backend's embeddings API in one batch per answer (the engine caches them per run).
 *
 * @param to the reference texts
 * @param min the smallest similarity that passes
 * @param model the embedding model; empty for {@code tunegate.embedding.model}
 */
@API(status = API.Status.INTERNAL)
public record Similarity(List<String> to, double min, Optional<String> model) implements ModelGradedMatcher {

    public Similarity {
        to = List.copyOf(to);
    }

    @Override
    public String kind() {
        return "similar";
    }

    @Override
    public String description() {
        String first = to.get(0).replaceAll("\\s+", " ");
        return "similar to \"" + (first.length() > 60 ? first.substring(0, 57) + "..." : first) + "\""
                + (to.size() > 1 ? " (+" + (to.size() - 1) + ")" : "") + " ≥ " + min;
    }

    @Override
    public List<GradingCall> calls(GradingInput input) {
        List<String> texts = new ArrayList<>();
        texts.add(input.answer().text());
        texts.addAll(to);
        return List.of(GradingCall.embed(model, texts));
    }

    @Override
    public GradedOutcome grade(GradingInput input, List<GradingReply> replies) {
        GradingReply reply =
                replies.isEmpty() ? GradingReply.failed(new IllegalStateException("no reply")) : replies.get(0);
        if (reply.error().isPresent() || reply.embeddings().size() != to.size() + 1) {
            String problem = reply.error()
                    .map(e -> "the embedding call failed: " + e.getMessage())
                    .orElse("the embedding call returned " + reply.embeddings().size() + " vectors for "
                            + (to.size() + 1) + " texts");
            return new GradedOutcome(
                    new MatcherOutcome(description(), new JudgeGradingException("[" + description() + "] " + problem)),
                    new Grading("similar", GradeStatus.ERROR, null, problem, List.of(), null, null, 0));
        }
        double[] answer = reply.embeddings().get(0);
        double best = -1;
        int bestIndex = 0;
        for (int i = 1; i < reply.embeddings().size(); i++) {
            double c = cosine(answer, reply.embeddings().get(i));
            if (c > best) {
                best = c;
                bestIndex = i - 1;
            }
        }
        String reasoning = String.format(Locale.ROOT, "cosine similarity %.3f to \"%s\"", best, to.get(bestIndex));
        boolean passed = best >= min;
        Grading grading = new Grading(
                "similar", passed ? GradeStatus.PASS : GradeStatus.FAIL, best, reasoning, List.of(), null, null, 0);
        if (passed) {
            return new GradedOutcome(MatcherOutcome.passed(description()), grading);
        }
        return new GradedOutcome(
                new MatcherOutcome(
                        description(),
                        new AssertionFailedError(
                                String.format(
                                        Locale.ROOT,
                                        "[%s] Expected the answer to be similar (cosine ≥ %s) to a reference, but the"
                                                + " best is %.3f to \"%s\"; answer: \"%s\"",
                                        description(),
                                        min,
                                        best,
                                        to.get(bestIndex),
                                        input.answer().text()),
                                "≥ " + min,
                                String.format(Locale.ROOT, "%.3f", best))),
                grading);
    }

    /** The cosine similarity of two vectors (0 when either is the zero vector). */
    static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
