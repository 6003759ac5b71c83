package dev.tunegate.engine.run;

import dev.tunegate.engine.matchers.Expectations;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.Verdict;
import java.util.ArrayList;
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
 * <p>A case passes on a variant when at least one sample answered and at least
 * {@code ceil(passThreshold × samples)} samples passed every matcher. So {@code passThreshold: 0}
 * means "the model must answer; the matchers are only reported", and a variant none of whose
 * samples answered never passes, whatever the threshold.
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
                Verdict verdict =
                        Expectations.evaluate(matchers, sample.answer().get());
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
        // A case needs an answer to pass: with passThreshold 0 no sample has to pass its matchers,
        // but a variant whose every call failed has not been evaluated at all (nor is it in the reports).
        boolean passed = answered > 0 && passes >= Math.ceil(threshold * n - 1e-9);
        listener.variantFinished(run, verdicts, passed);
        if (passed) {
            return;
        }
        if (firstFailed == null) {
            throw asUnchecked(firstError == null ? new IllegalStateException("no sample ran") : firstError);
        }
        AssertionError failure = failureOf(firstFailed);
        if (n > 1) {
            int needed = (int) Math.ceil(threshold * n - 1e-9);
            failure = new AssertionFailedError(
                    passes + " of " + n + " samples passed, " + needed + " needed (passThreshold " + threshold
                            + "); first failure: " + failure.getMessage(),
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
