package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.Role;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import dev.tunegate.engine.run.replay.RecordedSpan;
import org.apiguardian.api.API;

/**
 * A model variant of a suite as reports show it.
 *
 * @param name        variant name
 * @param model       model resource name actually called (after {@code tunegate.model.<variant>} overrides)
 * @param role        candidate, baseline or reference
 * @param temperature generation temperature, or null when not set
 * @param frozen      answered only from recordings ({@code replayOnly: true}, {@code tunegate.mode.<variant>=replay}
 *                    or {@code tunegate.gate.frozen-baseline}): a frozen variant
 * @param recorded    when a frozen variant's answers were recorded (earliest and latest), or null when unknown
 * @param checkpoint  the tuning-job checkpoint the variant evaluates, or null when it is not a checkpoint
 */
@API(status = API.Status.INTERNAL)
public record VariantInfo(
        String name,
        String model,
        Role role,
        Double temperature,
        boolean frozen,
        RecordedSpan recorded,
        VariantCheckpoint checkpoint) {

    /** A variant that is not a tuning-job checkpoint. */
    public VariantInfo(
            String name, String model, Role role, Double temperature, boolean frozen, RecordedSpan recorded) {
        this(name, model, role, temperature, frozen, recorded, null);
    }

    /** A variant whose recording times are unknown. */
    public VariantInfo(
            String name, String model, Role role, Double temperature, boolean frozen, VariantCheckpoint checkpoint) {
        this(name, model, role, temperature, frozen, null, checkpoint);
    }

    /** A variant that is not a tuning-job checkpoint, with unknown recording times. */
    public VariantInfo(String name, String model, Role role, Double temperature, boolean frozen) {
        this(name, model, role, temperature, frozen, null, null);
    }

    /** A variant that calls its model. */
    public VariantInfo(String name, String model, Role role, Double temperature) {
        this(name, model, role, temperature, false, null, null);
    }

    /** The checkpoint each checkpoint variant of {@code variants} evaluates, by variant name. */
    public static java.util.Map<String, VariantCheckpoint> checkpoints(java.util.List<VariantInfo> variants) {
        java.util.Map<String, VariantCheckpoint> points = new java.util.LinkedHashMap<>();
        variants.stream().filter(v -> v.checkpoint() != null).forEach(v -> points.put(v.name(), v.checkpoint()));
        return points;
    }
}
