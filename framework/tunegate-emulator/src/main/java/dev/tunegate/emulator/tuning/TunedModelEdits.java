package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.Status;
import dev.tunegate.client.model.TunedModel;
import java.time.Clock;

/** The write side of the tuning service after create: {@code tunedModels.patch} and {@code tunedModels.delete}. */
final class TunedModelEdits {
    private final TuningSettings settings;
    private final TuningRegistry registry;
    private final Clock clock;

    TunedModelEdits(TuningSettings settings, TuningRegistry registry, Clock clock) {
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
    }

    /** {@code tunedModels.patch}. */
    TunedModel patch(String id, TunedModel body, String updateMask) {
        synchronized (registry.lock()) {
            StoredTunedModel stored = registry.existing(id);
            SamplingDefaults defaults = settings.baseDefaults().apply(stored.rootBaseModel());
            TunedModel updated =
                    new TunedModelPatch(body, updateMask).applyTo(stored.tunedModel(), defaults, clock.instant());
            StoredTunedModel next = stored.with(updated);
            registry.save(next);
            return registry.view(next);
        }
    }

    /** {@code tunedModels.delete}: removes the model; a run still in progress is cancelled. */
    void delete(String id) {
        synchronized (registry.lock()) {
            StoredTunedModel stored = registry.existing(id);
            TuningJob job = registry.removeJob(id);
            if (job != null) {
                job.cancel();
                registry.finishOperation(
                        job.operation(),
                        job.metadata(),
                        null,
                        new Status(
                                1,
                                "The tuned model " + stored.tunedModel().name()
                                        + " was deleted while it was tuning; the run was cancelled.",
                                "CANCELLED",
                                null));
            }
            registry.remove(id);
        }
    }
}
