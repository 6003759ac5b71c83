package dev.tunegate.engine.config;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The models of model-graded checks when a suite names none.
 *
 * @param judgeModel the judge of {@code judge} and {@code pairwise} ({@code tunegate.judge.model})
 * @param embeddingModel the embedder of {@code similar} ({@code tunegate.embedding.model})
 */
@API(status = API.Status.INTERNAL)
public record JudgeSettings(String judgeModel, String embeddingModel) {
    /** Default of {@code tunegate.judge.model}. */
    public static final String DEFAULT_JUDGE_MODEL = "models/gemini-2.0-flash";
    /** Default of {@code tunegate.embedding.model}. */
    public static final String DEFAULT_EMBEDDING_MODEL = "models/text-embedding-004";

    public JudgeSettings {
        Objects.requireNonNull(judgeModel, "judgeModel");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
    }

    /** The defaults. */
    public static JudgeSettings defaults() {
        return new JudgeSettings(DEFAULT_JUDGE_MODEL, DEFAULT_EMBEDDING_MODEL);
    }
}
