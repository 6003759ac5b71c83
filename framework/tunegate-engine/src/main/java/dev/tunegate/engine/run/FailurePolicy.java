package dev.tunegate.engine.run;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Decides whether a failed case on a variant fails its JUnit test (enforced) or is reported as
 * aborted because the failure only counts towards a gate. The seam for roles and gates; the default
 * {@link #STRICT} enforces every failure.
 */
@FunctionalInterface
@API(status = API.Status.INTERNAL)
public interface FailurePolicy {

    /** Enforce every failure. */
    FailurePolicy STRICT = test -> Optional.empty();

    /** Why a failure of this test is tolerated (reported as aborted with this reason), or empty to fail it. */
    Optional<String> toleratedReason(PlannedTest test);
}
