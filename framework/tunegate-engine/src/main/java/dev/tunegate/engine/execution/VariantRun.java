package dev.tunegate.engine.execution;

import java.util.List;

/** Every sample of one variant test, in sample order. */
public record VariantRun(PlannedTest test, List<Sample> samples) {

    public VariantRun {
        samples = List.copyOf(samples);
    }
}
