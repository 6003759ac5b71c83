package dev.tunegate.client.model;

import java.time.Instant;
import org.apiguardian.api.API;

/** Metrics of one tuning step. */
@API(status = API.Status.EXPERIMENTAL)
public record TuningSnapshot(Integer step, Integer epoch, Double meanLoss, Instant computeTime) {}
