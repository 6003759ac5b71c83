package dev.tunegate.emulator.tuning;

/**
 * The sampling parameters a model uses when a request does not set them; a tuned model copies its base
 * model's at creation unless the create request sets its own.
 */
record SamplingDefaults(double temperature, double topP, int topK) {}
