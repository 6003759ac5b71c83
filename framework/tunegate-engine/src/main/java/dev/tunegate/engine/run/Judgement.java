package dev.tunegate.engine.run;

import dev.tunegate.engine.matchers.Expectations;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherOutcome;
import dev.tunegate.engine.matchers.Verdict;
import dev.tunegate.engine.matchers.graded.GradedOutcome;
import dev.tunegate.engine.matchers.graded.ModelGradedMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A variant test's samples with the matchers' verdict on each answer (empty for a sample whose call
 * failed; the list is {@code null} only inside the pipeline, before the matchers ran). The {@link CallPipeline} makes it off the test thread as soon as the calls are done, so the
 * test thread only publishes an outcome that is already decided ({@link Judge}).
 */
@API(status = API.Status.INTERNAL)
public record Judgement(VariantRun run, List<Optional<Verdict>> verdicts) {

    public Judgement {
        verdicts = verdicts == null ? null : Collections.unmodifiableList(verdicts);
    }

    /** The samples before the matchers ran ({@link #verdicts} is {@code null}). */
    static Judgement notYet(VariantRun run) {
        return new Judgement(run, null);
    }

    /** False for {@link #notYet}. */
    boolean judged() {
        return verdicts != null;
    }

    /** Evaluates every matcher on every answer of {@code run}, softly. */
    public static Judgement evaluate(VariantRun run, List<Matcher> matchers) {
        List<Optional<Verdict>> verdicts = new ArrayList<>(run.samples().size());
        for (Sample sample : run.samples()) {
            verdicts.add(sample.answer().isPresent() ? Optional.of(evaluate(matchers, sample)) : Optional.empty());
        }
        return new Judgement(run, verdicts);
    }

    /**
     * The verdict of every matcher on a sample: the model-graded ones from the outcomes the pipeline
     * graded, the others evaluated here. A model-graded matcher the pipeline did not grade fails.
     */
    private static Verdict evaluate(List<Matcher> matchers, Sample sample) {
        if (sample.graded().isEmpty() && matchers.stream().noneMatch(ModelGradedMatcher.class::isInstance)) {
            return Expectations.evaluate(matchers, sample.answer().get());
        }
        List<Matcher> plain = new ArrayList<>();
        for (Matcher m : matchers) {
            if (!(m instanceof ModelGradedMatcher)) {
                plain.add(m);
            }
        }
        Iterator<MatcherOutcome> evaluated =
                Expectations.evaluate(plain, sample.answer().get()).results().iterator();
        List<MatcherOutcome> results = new ArrayList<>(matchers.size());
        for (int i = 0; i < matchers.size(); i++) {
            Matcher m = matchers.get(i);
            if (m instanceof ModelGradedMatcher) {
                GradedOutcome graded = sample.graded().get(i);
                results.add(
                        graded != null
                                ? graded.outcome()
                                : new MatcherOutcome(
                                        m.description(),
                                        new IllegalStateException("[" + m.description() + "] was not graded")));
            } else {
                results.add(evaluated.next());
            }
        }
        return new Verdict(results);
    }
}
