package dev.tunegate.emulator.tuning;

/**
 * The documented limits the emulator enforces on {@code tunedModels.create} (the spec leaves most of
 * them open; these follow the public service where it publishes one).
 */
final class TuningLimits {
    static final int MAX_DISPLAY_NAME = 40;
    static final int MAX_DESCRIPTION = 16_384;
    static final int MAX_EXAMPLES = 10_000;
    static final int MAX_INPUT_CHARS = 40_000;
    static final int MAX_OUTPUT_CHARS = 5_000;
    static final int MIN_EPOCHS = 1;
    static final int MAX_EPOCHS = 1_000;
    static final int MIN_BATCH = 1;
    static final int MAX_BATCH = 1_024;
    static final double MAX_LEARNING_RATE = 1.0;
    static final double MAX_LEARNING_RATE_MULTIPLIER = 100.0;
    static final int MAX_TOTAL_STEPS = 100_000;

    private TuningLimits() {}
}
