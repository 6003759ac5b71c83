package dev.tunegate.engine.run;

import dev.tunegate.engine.matchers.Expectations;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherOutcome;
import dev.tunegate.engine.matchers.Verdict;
import dev.tunegate.engine.matchers.graded.GradedOutcome;
import dev.tunegate.engine.matchers.graded.ModelGradedMatcher;
import dev.tunegate.engine.model.stats.PassRule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Turns a variant test's samples into its JUnit outcome: evaluates every matcher on every answer
 * (softly), tells the {@link ResultListener}, and throws what JUnit should see — nothing when the
 * case passed, the matchers' {@code AssertionError} when an enforced case failed, a
 * {@link TestAbortedException} naming the reason when the failure is only counted (see
 * {@link FailurePolicy}), or the infrastructure exception when no call succeeded.
 *
 * <p>Whether the case passed is decided by {@link PassRule}.
 */
@API(status = API.Status.INTERNAL)
public final class Judge {

    private final FailurePolicy policy;

    public Judge(FailurePolicy policy) {
        this.policy = policy;
    }

    public void judge(VariantRun run, List<Matcher> matchers, ResultListener listener) {
        List<Optional<Verdict>> verdicts = new ArrayList<>(run.samples().size());
        int answered = 0;
        int passes = 0;
        Throwable firstError = null;
        Verdict firstFailed = null;
        for (Sample sample : run.samples()) {
            if (sample.answer().isPresent()) {
                answered++;
                Verdict verdict = evaluate(matchers, sample);
                verdicts.add(Optional.of(verdict));
                if (verdict.passed()) {
                    passes++;
                } else if (firstFailed == null) {
                    firstFailed = verdict;
                }
            } else {
                verdicts.add(Optional.empty());
                if (firstError == null) {
                    firstError = sample.error().orElse(null);
                }
            }
        }
        int n = run.samples().size();
        double threshold = run.test().evalCase().passThreshold();
        boolean passed = PassRule.passes(passes, answered, n, threshold);
        listener.variantFinished(run, verdicts, passed);
        if (passed) {
            return;
        }
        if (firstFailed == null) {
            throw asUnchecked(firstError == null ? new IllegalStateException("no sample ran") : firstError);
        }
        AssertionError failure = failureOf(firstFailed);
        if (n > 1) {
            failure = new AssertionFailedError(
                    passes + " of " + n + " samples passed, " + PassRule.required(threshold, n)
                            + " needed (passThreshold " + threshold + "); first failure: " + failure.getMessage(),
                    failure);
        }
        Optional<String> tolerated = policy.toleratedReason(run.test());
        if (tolerated.isPresent()) {
            throw new TestAbortedException(tolerated.get() + "\n" + failure.getMessage(), failure);
        }
        throw failure;
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

    private static AssertionError failureOf(Verdict verdict) {
        try {
            verdict.assertPassed();
        } catch (AssertionError e) {
            return e;
        }
        return new AssertionFailedError("the matchers failed");
    }

    private static RuntimeException asUnchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t.getMessage(), t);
    }
}
