package dev.tunegate.client.model;

import java.util.List;
import org.apiguardian.api.API;

/** Training data; union {@code dataset} has the single member {@code examples}. */
@API(status = API.Status.EXPERIMENTAL)
public record Dataset(TuningExamples examples) {
    /** A dataset of inline examples. */
    public static Dataset of(List<TuningExample> examples) {
        return new Dataset(new TuningExamples(examples));
    }
}
