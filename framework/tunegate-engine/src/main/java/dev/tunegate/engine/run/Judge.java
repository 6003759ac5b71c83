package dev.tunegate.engine.run;

import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.Verdict;
import dev.tunegate.engine.model.stats.PassRule;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Turns a variant test's samples into its JUnit outcome: takes every matcher's verdict on every answer
 * (a {@link Judgement}, evaluated softly, usually by the {@link CallPipeline} before the test thread
 * gets there), tells the {@link ResultListener}, and throws what JUnit should see — nothing when the
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

    /** Evaluates the matchers on the test's answers here, then {@link #judge(Judgement, ResultListener)}. */
    public void judge(VariantRun run, List<Matcher> matchers, ResultListener listener) {
        judge(Judgement.evaluate(run, matchers), listener);
    }

    /** Tells the listener the judged test and throws what JUnit should see. */
    public void judge(Judgement judgement, ResultListener listener) {
        VariantRun run = judgement.run();
        List<Optional<Verdict>> verdicts = judgement.verdicts();
        int answered = 0;
        int passes = 0;
        Throwable firstError = null;
        Verdict firstFailed = null;
        for (int s = 0; s < run.samples().size(); s++) {
            Optional<Verdict> verdict = verdicts.get(s);
            if (verdict.isPresent()) {
                answered++;
                if (verdict.get().passed()) {
                    passes++;
                } else if (firstFailed == null) {
                    firstFailed = verdict.get();
                }
            } else if (firstError == null) {
                firstError = run.samples().get(s).error().orElse(null);
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
