package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.CreateTunedModelMetadata;
import dev.tunegate.client.model.TuningSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One tuning run in progress: trains one batch per {@link #step()} and records a {@link TuningSnapshot}
 * per step. Steps run on the tuning thread; progress is read from request threads.
 */
final class TuningJob {

    /** Text that, in a display name, description or training example, makes the tuning run fail half-way. */
    static final String FAULT_MARKER = "TUNEGATE_FAIL_TUNING";

    private final String tunedModel;
    private final String operation;
    private final LearnedModel model;
    private final Trainer trainer;
    private final int totalSteps;
    private final int failAtStep;
    private final Clock clock;
    private final List<TuningSnapshot> snapshots = new ArrayList<>();
    private volatile boolean cancelled;
    private Instant startTime;

    /**
     * @param failAtStep the step at which an injected fault stops the run, or 0 for none
     */
    TuningJob(
            String tunedModel,
            String operation,
            LearnedModel model,
            Trainer trainer,
            int totalSteps,
            int failAtStep,
            Clock clock) {
        this.tunedModel = tunedModel;
        this.operation = operation;
        this.model = model;
        this.trainer = trainer;
        this.totalSteps = totalSteps;
        this.failAtStep = failAtStep;
        this.clock = clock;
    }

    String tunedModel() {
        return tunedModel;
    }

    String operation() {
        return operation;
    }

    /** Whether the next step is the one an injected fault fails. */
    boolean faultDue() {
        return failAtStep > 0 && trainer.completedSteps() + 1 >= failAtStep;
    }

    /** Trains the next batch and records its snapshot. */
    TuningSnapshot step() {
        synchronized (this) {
            if (startTime == null) {
                startTime = clock.instant();
            }
        }
        Trainer.StepResult result = trainer.step();
        TuningSnapshot snapshot = new TuningSnapshot(result.step(), result.epoch(), result.meanLoss(), clock.instant());
        synchronized (this) {
            snapshots.add(snapshot);
        }
        return snapshot;
    }

    boolean finished() {
        return !trainer.hasNext();
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    synchronized Instant startTime() {
        return startTime;
    }

    synchronized List<TuningSnapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    /** The operation metadata as of now. */
    synchronized CreateTunedModelMetadata metadata() {
        return metadata(tunedModel, totalSteps, snapshots.size(), List.copyOf(snapshots));
    }

    LearnedState learnedState() {
        return model.state();
    }

    static CreateTunedModelMetadata metadata(
            String tunedModel, int totalSteps, int completed, List<TuningSnapshot> snapshots) {
        double percent = totalSteps == 0 ? 100.0 : Math.round(10_000.0 * completed / totalSteps) / 100.0;
        return new CreateTunedModelMetadata(tunedModel, totalSteps, completed, percent, snapshots);
    }
}
