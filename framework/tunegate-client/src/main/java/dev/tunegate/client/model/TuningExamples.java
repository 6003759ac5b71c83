package dev.tunegate.client.model;

import java.util.List;
import org.apiguardian.api.API;

/** A set of tuning examples. */
@API(status = API.Status.EXPERIMENTAL)
public record TuningExamples(List<TuningExample> examples) {
    public TuningExamples {
        examples = Unions.copy(examples);
    }
}
