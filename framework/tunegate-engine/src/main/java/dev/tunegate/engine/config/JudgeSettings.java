package dev.tunegate.engine.config;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The models of model-graded checks when a suite names none.
 *
 * @param judgeModel the judge of {@code judge} and {@code pairwise} ({@code tunegate.judge.model})
 * @param embeddingModel the embedder of {@code similar} ({@code tunegate.embedding.model})
 * @param timeout the time limit of one model-graded check's calls and grading ({@code tunegate.judge.timeout})
 */
@API(status = API.Status.INTERNAL)
public record JudgeSettings(String judgeModel, String embeddingModel, Duration timeout) {
    /** Default of {@code tunegate.judge.model}. */
    public static final String DEFAULT_JUDGE_MODEL = "models/gemini-2.0-flash";
    /** Default of {@code tunegate.embedding.model}. */
    public static final String DEFAULT_EMBEDDING_MODEL = "models/text-embedding-004";
    /** Default of {@code tunegate.judge.timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public JudgeSettings {
        Objects.requireNonNull(judgeModel, "judgeModel");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The defaults. */
    public static JudgeSettings defaults() {
        return new JudgeSettings(DEFAULT_JUDGE_MODEL, DEFAULT_EMBEDDING_MODEL, DEFAULT_TIMEOUT);
    }
}
