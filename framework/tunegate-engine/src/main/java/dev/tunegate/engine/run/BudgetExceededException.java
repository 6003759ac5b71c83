package dev.tunegate.engine.run;

import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * A model call that was not made because it would have exceeded {@code tunegate.budget}: its test is
 * aborted, and the run is reported as incomplete.
 */
@API(status = API.Status.INTERNAL)
public final class BudgetExceededException extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    BudgetExceededException(String message) {
        super(message);
    }
}
