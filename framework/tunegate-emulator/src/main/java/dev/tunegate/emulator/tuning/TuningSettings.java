package dev.tunegate.emulator.tuning;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the emulator's tuning service is set up.
 *
 * @param dataDir       where tuned models, learned state and operations are kept, or null to keep them in memory
 * @param stepMillis    pause between two tuning steps (0 = as fast as possible)
 * @param tunableModels base models that {@code tunedModels.create} accepts as {@code baseModel}
 * @param modelExists   whether a {@code models/...} name is a base model the emulator serves
 * @param baseDefaults  the sampling defaults of a base model, copied onto tuned models created from it
 */
record TuningSettings(
        Path dataDir,
        long stepMillis,
        Set<String> tunableModels,
        Predicate<String> modelExists,
        Function<String, SamplingDefaults> baseDefaults) {

    TuningSettings {
        if (stepMillis < 0) {
            throw new IllegalArgumentException("tuning step pause must be >= 0 ms, got " + stepMillis);
        }
        tunableModels = Set.copyOf(tunableModels);
    }
}
