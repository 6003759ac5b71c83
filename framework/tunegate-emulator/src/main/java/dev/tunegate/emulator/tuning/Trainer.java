package dev.tunegate.emulator.tuning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Walks a {@link TuningPlan}: every epoch shuffles the examples (seeded, so a run is reproducible) and
 * cuts them into batches; every {@link #step()} trains the model on the next batch.
 */
final class Trainer {

    /** The outcome of one step. */
    record StepResult(int step, int epoch, double meanLoss) {}

    private final LearnedModel model;
    private final List<TrainingExample> examples;
    private final TuningPlan plan;
    private final long seed;
    private List<TrainingExample> order = List.of();
    private int step;

    Trainer(LearnedModel model, List<TrainingExample> examples, TuningPlan plan, long seed) {
        this.model = model;
        this.examples = List.copyOf(examples);
        this.plan = plan;
        this.seed = seed;
    }

    boolean hasNext() {
        return step < plan.totalSteps();
    }

    StepResult step() {
        int perEpoch = plan.stepsPerEpoch();
        int epochIndex = step / perEpoch;
        int inEpoch = step % perEpoch;
        if (inEpoch == 0) {
            List<TrainingExample> shuffled = new ArrayList<>(examples);
            Collections.shuffle(shuffled, new Random(seed * 31 + epochIndex));
            order = shuffled;
        }
        int from = inEpoch * plan.batchSize();
        List<TrainingExample> batch = order.subList(from, Math.min(order.size(), from + plan.batchSize()));
        double loss = model.trainStep(batch, plan.stepSize());
        step++;
        return new StepResult(step, epochIndex + 1, loss);
    }

    int completedSteps() {
        return step;
    }
}
