package dev.tunegate.engine.model.gate;

import dev.tunegate.engine.model.stats.PairedComparison;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import org.apiguardian.api.API;

/**
 * One checkpoint of a tuning job as a candidate of a checkpoint sweep: its gate verdict against the suite's
 * baseline and how it compares, case by case, with the sweep's best-scoring checkpoint.
 *
 * @param checkpoint  the tuning-job checkpoint the variant evaluates
 * @param verdict     the gate's verdict on the checkpoint's variant ({@code <variant>@<checkpointId>})
 * @param vsBest      this checkpoint minus the best-scoring one over the cases both ran, or null for the best itself
 * @param nonInferior whether the checkpoint is non-inferior to the best-scoring one (true for the best itself)
 */
@API(status = API.Status.INTERNAL)
public record CheckpointPoint(
        VariantCheckpoint checkpoint, GateVerdict verdict, PairedComparison vsBest, boolean nonInferior) {

    /** The checkpoint's variant name, {@code <variant>@<checkpointId>}. */
    public String variant() {
        return verdict.candidate();
    }

    /** Whether this is the sweep's best-scoring checkpoint. */
    public boolean best() {
        return vsBest == null;
    }
}
