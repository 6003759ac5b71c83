package dev.tunegate.emulator.tuning;

/** One text-input/output pair the learner trains on. */
record TrainingExample(String input, String output) {}
