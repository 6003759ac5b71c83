package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.Status;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.client.model.TuningTask;
import java.time.Clock;
import java.time.Instant;

/**
 * Runs tuning jobs on one background thread, one step every {@code stepMillis}, and ends each run: the
 * model ACTIVE with what it learned, or FAILED (an injected fault or an error). Progress is saved
 * through the {@link TuningRegistry}.
 */
final class TuningRunner implements AutoCloseable {
    private final TuningRegistry registry;
    private final Clock clock;
    private final TrainingThread thread;

    TuningRunner(TuningRegistry registry, long stepMillis, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.thread = new TrainingThread("tunegate-tuning", stepMillis);
    }

    /** Registers {@code job} as model {@code id}'s run and starts it; the caller holds the registry's lock. */
    void start(String id, TuningJob job) {
        registry.putJob(id, job);
        thread.now(() -> runStep(id, job));
    }

    @Override
    public void close() {
        thread.close();
    }

    private void runStep(String id, TuningJob job) {
        if (job.cancelled()) {
            return;
        }
        try {
            if (job.faultDue()) {
                finish(
                        id,
                        job,
                        null,
                        new Status(
                                13,
                                "Injected fault: tuning of " + job.tunedModel()
                                        + " failed at step " + (job.metadata().completedSteps() + 1)
                                        + " (requested with the "
                                        + "x-tunegate-fault header or the " + TuningJob.FAULT_MARKER + " marker).",
                                "INTERNAL",
                                null));
                return;
            }
            job.step();
            if (job.finished()) {
                finish(id, job, job.learnedState(), null);
                return;
            }
            Instant now = clock.instant();
            synchronized (registry.lock()) {
                registry.saveProgress(job, now);
            }
            thread.next(() -> runStep(id, job));
        } catch (RuntimeException e) {
            finish(id, job, null, new Status(13, "Tuning of " + job.tunedModel() + " failed: " + e, "INTERNAL", null));
        }
    }

    /** Ends a run: ACTIVE with what it learned, or FAILED with {@code error}; nothing for a cancelled run. */
    private void finish(String id, TuningJob job, LearnedState learned, Status error) {
        synchronized (registry.lock()) {
            if (job.cancelled() || registry.job(id) != job) {
                return;
            }
            StoredTunedModel stored = registry.find(id);
            Instant now = clock.instant();
            TunedModel model = stored.tunedModel().toBuilder()
                    .state(learned != null ? TunedModel.State.ACTIVE : TunedModel.State.FAILED)
                    .updateTime(now)
                    .tuningTask(new TuningTask(
                            job.startTime(),
                            learned != null ? now : null,
                            job.snapshots(),
                            null,
                            stored.tunedModel().tuningTask().hyperparameters()))
                    .build();
            if (learned != null) {
                registry.saveLearned(id, learned);
            }
            registry.save(stored.with(model));
            registry.removeJob(id);
            registry.finishOperation(job.operation(), job.metadata(), learned != null ? model : null, error);
        }
    }
}
