package dev.tunegate.engine.matchers.graded;

import dev.tunegate.client.model.GenerateContentRequest;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One model call a graded matcher needs: a {@code generateContent} call to a judge model, or the
 * embeddings of some texts.
 *
 * @param model the model to call; empty for the run's default ({@code tunegate.judge.model} for
 *     generation, {@code tunegate.embedding.model} for embeddings)
 * @param request the judge request, for a generation call (else null)
 * @param texts the texts to embed, for an embedding call (else empty)
 */
@API(status = API.Status.INTERNAL)
public record GradingCall(Optional<String> model, GenerateContentRequest request, List<String> texts) {
    public GradingCall {
        model = model == null ? Optional.empty() : model;
        texts = texts == null ? List.of() : List.copyOf(texts);
        if ((request == null) == texts.isEmpty()) {
            throw new IllegalArgumentException("a grading call is either a judge request or texts to embed");
        }
    }

    /** A {@code generateContent} call to a judge model. */
    public static GradingCall generate(Optional<String> model, GenerateContentRequest request) {
        return new GradingCall(model, request, List.of());
    }

    /** The embeddings of {@code texts}, in order. */
    public static GradingCall embed(Optional<String> model, List<String> texts) {
        return new GradingCall(model, null, texts);
    }

    /** True for an embedding call. */
    public boolean embedding() {
        return request == null;
    }
}
