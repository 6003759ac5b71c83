package dev.tunegate.engine.report;

import dev.tunegate.engine.gate.Role;

/**
 * A model variant of a suite as reports show it.
 *
 * @param name        variant name
 * @param model       model resource name actually called (after {@code tunegate.model.<variant>} overrides)
 * @param role        candidate, baseline or reference
 * @param temperature generation temperature, or null when not set
 */
public record VariantInfo(String name, String model, Role role, Double temperature) {
}
