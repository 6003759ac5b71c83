package dev.tunegate.engine.model.gate;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Decides whether a failed case &times; variant fails its JUnit test (enforced) or is reported as
 * aborted because it only counts towards the gate (DESIGN.md, "Test outcomes").
 */
@API(status = API.Status.INTERNAL)
public final class Enforcement {

    private Enforcement() {}

    /**
     * Why a failure of {@code variant} on a case with {@code tags} is not enforced on its own, or
     * empty when the failure must fail the test.
     */
    public static Optional<String> toleratedReason(Roles roles, GatePolicy policy, String variant, List<String> tags) {
        Role role = roles.of(variant);
        switch (role) {
            case BASELINE:
                return Optional.of("Baseline '" + variant + "' failed this case; baseline failures are not "
                        + "enforced: they count towards the gate's comparison (regressions, improvements)");
            case REFERENCE:
                return Optional.of("Reference '" + variant + "' failed this case; reference variants are "
                        + "reported and compared, never enforced");
            default:
                if (policy.enforces(tags)) {
                    return Optional.empty();
                }
                return Optional.of("Candidate '" + variant + "' failed this case; it is not tagged mustPass "
                        + policy.mustPass() + ", so the failure counts towards the gate (pass rate, "
                        + "regressions, non-inferiority) instead of failing this test");
        }
    }
}
