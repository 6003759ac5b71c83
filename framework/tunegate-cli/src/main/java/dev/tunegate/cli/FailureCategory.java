package dev.tunegate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** What a failure means for the exit code, judged from the throwable a test or container failed with. */
enum FailureCategory {
    /** A model-quality failure: an enforced case or a gate. */
    ASSERTION(ExitCodes.FAILED),
    /** The endpoint or the network failed. */
    INFRASTRUCTURE(ExitCodes.INFRASTRUCTURE),
    /** Bad input: a suite that could not be read, a discovery problem, anything unexplained in a container. */
    DISCOVERY(ExitCodes.USAGE);

    final int exitCode;

    FailureCategory(int exitCode) {
        this.exitCode = exitCode;
    }

    /** Classifies the failure of a test. Unknown exceptions in a test count as infrastructure errors. */
    static FailureCategory ofTest(Throwable failure) {
        if (failure == null) {
            return INFRASTRUCTURE;
        }
        if (isRejectedRequest(failure)) {
            return DISCOVERY;
        }
        if (isInfrastructure(failure)) {
            return INFRASTRUCTURE;
        }
        if (failure instanceof AssertionError) {
            return ASSERTION;
        }
        return INFRASTRUCTURE;
    }

    /** Classifies the failure of a container: infrastructure when it is one, otherwise a discovery problem. */
    static FailureCategory ofContainer(Throwable failure) {
        if (failure != null && isRejectedRequest(failure)) {
            return DISCOVERY;
        }
        if (failure != null && isInfrastructure(failure)) {
            return INFRASTRUCTURE;
        }
        if (failure instanceof AssertionError) {
            return ASSERTION;
        }
        return DISCOVERY;
    }

    /**
     * True when the API refused the request itself (HTTP 400, 401, 403, 404 or 409: a bad or missing
     * key, an unknown model, a bad argument, a name in use): the user must change the input, so it
     * is a usage error (exit 2) as the README documents, not an infrastructure error.
     */
    static boolean isRejectedRequest(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && REJECTED.matcher(message).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern REJECTED = Pattern.compile("HTTP (400|401|403|404|409) ");

    private static boolean isInfrastructure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.startsWith("HTTP ")) {
                return true;
            }
            if (t instanceof AssertionError) {
                return false;
            }
        }
        return false;
    }
}
