package dev.tunegate.engine.model.gate;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What a model variant is for in a suite: a candidate is enforced and gated, the baseline is what
 * candidates are compared with, a reference is run, compared and reported but never enforced.
 */
@API(status = API.Status.INTERNAL)
public enum Role {
    CANDIDATE,
    BASELINE,
    REFERENCE;

    /** The YAML spelling, e.g. {@code baseline}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the YAML spelling (case-insensitive). */
    public static Role fromYaml(String value) {
        for (Role role : values()) {
            if (role.yamlName().equalsIgnoreCase(value.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + value + "' (expected candidate, baseline or reference)");
    }
}
