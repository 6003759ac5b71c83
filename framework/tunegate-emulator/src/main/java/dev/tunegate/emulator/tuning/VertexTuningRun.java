package dev.tunegate.emulator.tuning;

/**
 * One Vertex AI tuning job in progress: the model it trains, the trainer walking its plan, and when an
 * injected fault stops it. Steps run on the tuning thread only; {@link #cancel()} may come from any.
 */
final class VertexTuningRun {
    private final LearnedModel model;
    private final Trainer trainer;
    private final TuningPlan plan;
    private final int failAtStep;
    private final boolean exportLastCheckpointOnly;
    private volatile boolean cancelled;

    VertexTuningRun(LearnedModel model, Trainer trainer, TuningPlan plan, int failAtStep, boolean lastOnly) {
        this.model = model;
        this.trainer = trainer;
        this.plan = plan;
        this.failAtStep = failAtStep;
        this.exportLastCheckpointOnly = lastOnly;
    }

    /** Whether the next step is the one an injected fault fails. */
    boolean faultDue() {
        return failAtStep > 0 && trainer.completedSteps() + 1 >= failAtStep;
    }

    Trainer.StepResult step() {
        return trainer.step();
    }

    boolean finished() {
        return !trainer.hasNext();
    }

    /** Whether a checkpoint is taken after {@code result}: at the end of every epoch (or only the last one). */
    boolean checkpointAfter(Trainer.StepResult result) {
        boolean epochEnd = result.step() % plan.stepsPerEpoch() == 0;
        return epochEnd && (!exportLastCheckpointOnly || finished());
    }

    /** What the model has learned so far: the checkpoint's state. */
    LearnedState snapshot() {
        return model.state();
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }
}
