package dev.tunegate.engine.matchers.graded;

import dev.tunegate.engine.matchers.ModelAnswer;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The reply to one {@link GradingCall}: the judge's answer, or the embeddings, or why the call failed.
 *
 * @param answer the judge model's answer to a generation call
 * @param embeddings one vector per text of an embedding call (empty for a generation call)
 * @param error why the call failed, when it did
 */
@API(status = API.Status.INTERNAL)
public record GradingReply(Optional<ModelAnswer> answer, List<double[]> embeddings, Optional<Throwable> error) {
    public GradingReply {
        answer = answer == null ? Optional.empty() : answer;
        embeddings = embeddings == null ? List.of() : List.copyOf(embeddings);
        error = error == null ? Optional.empty() : error;
    }

    public static GradingReply of(ModelAnswer answer) {
        return new GradingReply(Optional.of(answer), List.of(), Optional.empty());
    }

    public static GradingReply of(List<double[]> embeddings) {
        return new GradingReply(Optional.empty(), embeddings, Optional.empty());
    }

    public static GradingReply failed(Throwable error) {
        return new GradingReply(Optional.empty(), List.of(), Optional.of(error));
    }
}
