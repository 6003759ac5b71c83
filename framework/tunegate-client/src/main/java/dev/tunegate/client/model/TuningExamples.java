package dev.tunegate.client.model;

import java.util.List;

/** A set of tuning examples. */
public record TuningExamples(List<TuningExample> examples) {
    public TuningExamples {
        examples = Unions.copy(examples);
    }
}
