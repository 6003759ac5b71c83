package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.Role;
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
 */
@API(status = API.Status.INTERNAL)
public record VariantInfo(
        String name, String model, Role role, Double temperature, boolean frozen, RecordedSpan recorded) {

    /** A variant that calls its model. */
    public VariantInfo(String name, String model, Role role, Double temperature) {
        this(name, model, role, temperature, false, null);
    }
}
