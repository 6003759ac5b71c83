package dev.tunegate.engine.matchers.graded;

import dev.tunegate.engine.matchers.JudgedMatcher;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A matcher graded by models: {@link #calls} says which model calls grading an answer needs, the
 * engine makes them, and {@link #grade} turns their replies into the outcome. Both are pure functions of
 * their arguments, so grading can run on any thread. {@link #check} alone cannot grade (it has no model):
 * nested in {@code not}, {@code all} or {@code any} such a matcher makes the combinator a
 * {@link GradedCombination}, graded the same way. A third-party {@link JudgedMatcher} is adapted by {@link #of}.
 */
@API(status = API.Status.INTERNAL)
public interface ModelGradedMatcher extends Matcher {

    /** The model calls needed to grade {@code input}, in the order {@link #grade} expects their replies. */
    List<GradingCall> calls(GradingInput input);

    /** The outcome for {@code input} given the replies to {@link #calls}, one per call, in order. */
    GradedOutcome grade(GradingInput input, List<GradingReply> replies);

    /**
     * The variant whose answer to the same case this matcher compares with (a pairwise comparison), or
     * empty when it grades the answer alone.
     */
    default Optional<String> comparedVariant() {
        return Optional.empty();
    }

    /** The matcher's name as reports count it ({@link Grading#kind}). */
    default String kind() {
        return "graded";
    }

    /** Always fails: a model-graded matcher is graded by the engine, see {@link #calls}. */
    @Override
    default void check(ModelAnswer answer) {
        throw new IllegalStateException("[" + description() + "] is graded by a model: the engine grades it"
                + " through its calls, it cannot be checked on its own");
    }

    /**
     * The matcher as the engine grades it: itself when it is model-graded, a third-party {@link JudgedMatcher}
     * adapted (counted in reports under {@code name}, its YAML key), else empty.
     */
    static Optional<ModelGradedMatcher> of(Matcher matcher, String name) {
        if (matcher instanceof ModelGradedMatcher graded) {
            return Optional.of(graded);
        }
        if (matcher instanceof JudgedMatcher judged) {
            return Optional.of(new PluggedJudge(judged, name));
        }
        return Optional.empty();
    }
}
