package dev.tunegate.engine.model.gate;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Every checkpoint of one tuning job that a suite evaluated (a variant written with {@code checkpoints:}), in
 * epoch order, and the checkpoint to promote.
 *
 * @param variant     the variant as written in the suite, e.g. {@code cand}
 * @param tuningJob   {@code projects/P/locations/L/tuningJobs/J}
 * @param baseline    the suite's baseline every checkpoint is gated against, or null without one
 * @param margin      the non-inferiority margin against the best checkpoint (the gate's {@code nonInferiority.margin}, 0 without it)
 * @param confidence  the confidence level of that comparison
 * @param points      every checkpoint, by epoch, then step, then checkpoint id
 * @param best        the best-scoring checkpoint's variant (highest pass rate; the earliest of a tie)
 * @param recommended the earliest checkpoint that passes the gate and is non-inferior to the best, if any
 * @param reason      why {@code recommended} is the one, or why no checkpoint is (each checkpoint's failed rules)
 */
@API(status = API.Status.INTERNAL)
public record CheckpointSweep(
        String variant,
        String tuningJob,
        String baseline,
        double margin,
        double confidence,
        List<CheckpointPoint> points,
        String best,
        Optional<CheckpointPoint> recommended,
        String reason) {

    public CheckpointSweep {
        points = List.copyOf(points);
    }
}
