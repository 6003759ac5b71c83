package dev.tunegate.emulator.tuning;

/**
 * The resolved hyperparameters of one tuning run and the step count they imply.
 *
 * <p>Defaults (the spec leaves the thresholds open): {@code epochCount} 5; {@code batchSize} 4 for
 * fewer than {@value #LARGE_DATASET} examples, else 16; {@code learningRate} 0.001 for fewer than
 * {@value #LARGE_DATASET} examples, else 0.0002, multiplied by {@code learningRateMultiplier} when that is
 * given. The learner's internal step size is {@code learningRate × }{@value #STEP_SIZE_PER_LEARNING_RATE}.
 *
 * @param examples     number of training examples
 * @param epochCount   passes over the training data
 * @param batchSize    examples per step
 * @param learningRate the effective learning rate
 */
record TuningPlan(int examples, int epochCount, int batchSize, double learningRate) {

    static final int DEFAULT_EPOCH_COUNT = 5;
    static final int LARGE_DATASET = 500;
    static final double STEP_SIZE_PER_LEARNING_RATE = 1000.0;

    static TuningPlan resolve(
            int examples, Integer epochCount, Integer batchSize, Double learningRate, Double learningRateMultiplier) {
        boolean large = examples >= LARGE_DATASET;
        double defaultRate = defaultLearningRate(examples);
        double rate = learningRate != null
                ? learningRate
                : defaultRate * (learningRateMultiplier != null ? learningRateMultiplier : 1.0);
        return new TuningPlan(
                examples,
                epochCount != null ? epochCount : DEFAULT_EPOCH_COUNT,
                batchSize != null ? batchSize : large ? 16 : 4,
                rate);
    }

    static double defaultLearningRate(int examples) {
        return examples >= LARGE_DATASET ? 0.0002 : 0.001;
    }

    int stepsPerEpoch() {
        return (examples + batchSize - 1) / batchSize;
    }

    int totalSteps() {
        return stepsPerEpoch() * epochCount;
    }

    double stepSize() {
        return learningRate * STEP_SIZE_PER_LEARNING_RATE;
    }
}
