package dev.tunegate.engine.jupiter;

import org.apiguardian.api.API;

/** A {@link Variant}'s role, as {@code role:} on a YAML variant. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum VariantRole {
    /** Not written: the gate (or strict mode) decides. */
    DEFAULT,
    /** Enforced and gated. */
    CANDIDATE,
    /** What candidates are compared with. */
    BASELINE,
    /** Run, compared and reported, never enforced. */
    REFERENCE
}
