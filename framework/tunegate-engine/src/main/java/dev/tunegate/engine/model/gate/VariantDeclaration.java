package dev.tunegate.engine.model.gate;

import org.apiguardian.api.API;

/**
 * A variant as the suite declares it: its name and the {@code role:} it states, if any.
 *
 * @param name         variant name, e.g. {@code tuned}
 * @param declaredRole role from the suite file, or null to use the defaults
 */
@API(status = API.Status.INTERNAL)
public record VariantDeclaration(String name, Role declaredRole) {}
