package dev.tunegate.engine.run;

import dev.tunegate.engine.matchers.Expectations;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.Verdict;
import java.util.ArrayList;
import java.util.Collections;
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
            verdicts.add(sample.answer().map(answer -> Expectations.evaluate(matchers, answer)));
        }
        return new Judgement(run, verdicts);
    }
}
