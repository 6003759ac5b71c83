package dev.tunegate.client.model;

import java.time.Instant;

/** Metrics of one tuning step. */
public record TuningSnapshot(Integer step, Integer epoch, Double meanLoss, Instant computeTime) {}
