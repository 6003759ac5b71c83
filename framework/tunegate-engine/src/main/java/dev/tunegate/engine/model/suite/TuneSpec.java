package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A variant's {@code tune:} block: create the tuned model from this data when it does not exist.
 *
 * @param baseModel       the model to tune, e.g. {@code models/gemini-1.5-flash-001-tuning}
 * @param trainingData    the training file (JSONL or CSV with {@code textInput}/{@code output})
 * @param hyperparameters wire {@code Hyperparameters} JSON, or null
 * @param displayName     optional display name
 * @param description     optional description
 * @param position        where the block is written
 */
@API(status = API.Status.INTERNAL)
public record TuneSpec(
        String baseModel,
        URI trainingData,
        JsonNode hyperparameters,
        Optional<String> displayName,
        Optional<String> description,
        SourcePosition position) {}
