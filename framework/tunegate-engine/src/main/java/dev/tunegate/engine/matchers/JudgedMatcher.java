package dev.tunegate.engine.matchers;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Service provider interface for a model-graded matcher of your own: a {@link Matcher} whose verdict needs a
 * judge model or an embedding model. Return it from a {@link MatcherFactory} (registered in {@code
 * META-INF/services/dev.tunegate.engine.matchers.MatcherFactory} as usual). The engine asks {@link #calls}
 * which model calls grading an answer needs, makes them through its call pipeline (counted as judge calls,
 * rate-limited, retried, budgeted, recorded and replayed: a replayed run calls nothing), and hands the
 * replies to {@link #grade}. Both methods must be pure functions of their arguments (they may run on any
 * thread, and a replayed run must ask for the same calls). A call that fails, a blocked or truncated judge
 * answer, or one that is not JSON when a {@code responseSchema} was given makes the check an ERROR without
 * calling {@link #grade}; an exception from either method is an ERROR too: never a pass.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface JudgedMatcher extends Matcher {

    /**
     * The model calls needed to grade {@code answer}, in the order {@link #grade} gets their replies.
     *
     * @param prompt the text of the case's request (every turn, one per line)
     * @param answer the answer of the model under test
     */
    List<JudgeCall> calls(String prompt, ModelAnswer answer);

    /**
     * The verdict on {@code answer}, given one usable reply per call of {@link #calls}, in order.
     *
     * @param prompt the text of the case's request, as given to {@link #calls}
     * @param answer the answer being graded
     * @param replies the replies to the calls, each usable (see the class comment)
     */
    Grade grade(String prompt, ModelAnswer answer, List<JudgeResponse> replies);

    /** Always fails: a model-graded matcher is graded by the engine through {@link #calls} and {@link #grade}. */
    @Override
    default void check(ModelAnswer answer) {
        throw new IllegalStateException("[" + description() + "] is graded by a model: the engine grades it"
                + " through calls and grade, it cannot be checked on its own");
    }
}
