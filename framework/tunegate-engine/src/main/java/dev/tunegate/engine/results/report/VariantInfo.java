package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.Role;
import org.apiguardian.api.API;

/**
 * A model variant of a suite as reports show it.
 *
 * @param name        variant name
 * @param model       model resource name actually called (after {@code tunegate.model.<variant>} overrides)
 * @param role        candidate, baseline or reference
 * @param temperature generation temperature, or null when not set
 * @param frozen      answered only from recordings ({@code tunegate.mode.<variant>=replay}): a frozen baseline
 */
@API(status = API.Status.INTERNAL)
public record VariantInfo(String name, String model, Role role, Double temperature, boolean frozen) {

    /** A variant that calls its model. */
    public VariantInfo(String name, String model, Role role, Double temperature) {
        this(name, model, role, temperature, false);
    }
}
