package dev.tunegate.client.model;

import java.util.List;

/** Training data; union {@code dataset} has the single member {@code examples}. */
public record Dataset(TuningExamples examples) {
    /** A dataset of inline examples. */
    public static Dataset of(List<TuningExample> examples) {
        return new Dataset(new TuningExamples(examples));
    }
}
