package dev.tunegate.emulator;

import org.apiguardian.api.API;

/**
 * Creates the {@link TunedModelService} of an emulator. Set one with
 * {@code GeminiEmulator.builder().tunedModelService(factory)}; without it the emulator looks one up with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.tunegate.emulator.TunedModelServiceFactory})
 * and otherwise answers 404 for every tuned model.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL)
public interface TunedModelServiceFactory {
    /** A service for the emulator described by {@code context}. */
    TunedModelService create(EmulatorContext context);
}
