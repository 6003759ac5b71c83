package dev.tunegate.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.emulator.generation.ServedModel;
import dev.tunegate.emulator.http.ApiException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a {@link TunedModelService} gets from the emulator: the wire mapper, the served base models
 * (to fall back to and to validate {@code baseModel}), the data directory for persistence (null = keep
 * tuned models in memory), the duration of one simulated tuning step, the emulator seed, and the
 * directory of its Cloud Storage ({@code gs://BUCKET/OBJECT} is the file {@code BUCKET/OBJECT} in it).
 */
@API(status = API.Status.EXPERIMENTAL)
public record EmulatorContext(
        ObjectMapper mapper,
        Map<String, ServedModel> baseModels,
        Path dataDir,
        long tuningStepMillis,
        long seed,
        Path gcsDir) {
    public EmulatorContext {
        baseModels = Map.copyOf(baseModels);
    }

    /** The base model {@code name} (e.g. {@code models/gemini-1.5-flash-001-tuning}), or 404 NOT_FOUND. */
    public ServedModel baseModel(String name) {
        ServedModel m = baseModels.get(name);
        if (m == null) {
            throw ApiException.notFound("models/" + name.substring(name.indexOf('/') + 1)
                    + " is not found for API version v1beta. Served base models: " + List.copyOf(baseModels.keySet()));
        }
        return m;
    }
}
