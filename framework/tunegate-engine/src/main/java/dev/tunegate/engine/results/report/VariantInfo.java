package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.Role;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import org.apiguardian.api.API;

/**
 * A model variant of a suite as reports show it.
 *
 * @param name        variant name
 * @param model       model resource name actually called (after {@code tunegate.model.<variant>} overrides)
 * @param role        candidate, baseline or reference
 * @param temperature generation temperature, or null when not set
 * @param frozen      answered only from recordings ({@code tunegate.mode.<variant>=replay}): a frozen baseline
 * @param checkpoint  the tuning-job checkpoint the variant evaluates, or null when it is not a checkpoint
 */
@API(status = API.Status.INTERNAL)
public record VariantInfo(
        String name, String model, Role role, Double temperature, boolean frozen, VariantCheckpoint checkpoint) {

    /** A variant that is not a tuning-job checkpoint. */
    public VariantInfo(String name, String model, Role role, Double temperature, boolean frozen) {
        this(name, model, role, temperature, frozen, null);
    }

    /** A variant that calls its model. */
    public VariantInfo(String name, String model, Role role, Double temperature) {
        this(name, model, role, temperature, false, null);
    }

    /** The checkpoint each checkpoint variant of {@code variants} evaluates, by variant name. */
    public static java.util.Map<String, VariantCheckpoint> checkpoints(java.util.List<VariantInfo> variants) {
        java.util.Map<String, VariantCheckpoint> points = new java.util.LinkedHashMap<>();
        variants.stream().filter(v -> v.checkpoint() != null).forEach(v -> points.put(v.name(), v.checkpoint()));
        return points;
    }
}
