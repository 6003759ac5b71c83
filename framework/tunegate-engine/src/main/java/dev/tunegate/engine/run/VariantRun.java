package dev.tunegate.engine.run;

import java.util.List;
import org.apiguardian.api.API;

/** Every sample of one variant test, in sample order. */
@API(status = API.Status.INTERNAL)
public record VariantRun(PlannedTest test, List<Sample> samples) {

    public VariantRun {
        samples = List.copyOf(samples);
    }
}
