package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A variant's {@code tune:} block: create the tuned model from this data when it does not exist.
 *
 * @param baseModel       the model to tune, e.g. {@code models/gemini-1.5-flash-001-tuning} (Gemini API) or
 *                        {@code gemini-2.5-flash} (Vertex AI)
 * @param trainingData    the training file (Gemini API: JSONL or CSV with {@code textInput}/{@code output};
 *                        Vertex AI: JSONL with {@code contents}), or a {@code gs://} URI (Vertex AI)
 * @param hyperparameters wire hyperparameters JSON ({@code hyperparameters} / Vertex {@code hyperParameters}), or null
 * @param displayName     optional display name
 * @param description     optional description
 * @param position        where the block is written
 * @param provider        which API tunes: the Gemini API (a tuned model) or Vertex AI (a tuning job)
 * @param validationData  Vertex AI only: the validation file or {@code gs://} URI
 */
@API(status = API.Status.INTERNAL)
public record TuneSpec(
        String baseModel,
        URI trainingData,
        JsonNode hyperparameters,
        Optional<String> displayName,
        Optional<String> description,
        SourcePosition position,
        Provider provider,
        Optional<URI> validationData) {

    /** Which API a tune block tunes with ({@code provider:}). */
    public enum Provider {
        /** The Gemini API: {@code tunedModels.create}, the variant's {@code model: tunedModels/T}. */
        GEMINI,
        /** Vertex AI: a supervised tuning job ({@code projects/P/locations/L/tuningJobs}). */
        VERTEX
    }

    /** A Gemini API tune block. */
    public TuneSpec(
            String baseModel,
            URI trainingData,
            JsonNode hyperparameters,
            Optional<String> displayName,
            Optional<String> description,
            SourcePosition position) {
        this(
                baseModel,
                trainingData,
                hyperparameters,
                displayName,
                description,
                position,
                Provider.GEMINI,
                Optional.empty());
    }

    /** Whether this block creates a Vertex AI tuning job. */
    public boolean vertex() {
        return provider == Provider.VERTEX;
    }
}
