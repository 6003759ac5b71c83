package dev.tunegate.engine.matchers.graded;

import org.apiguardian.api.API;

/**
 * A model-graded check that could not be graded (the judge's answer was blocked, truncated,
 * unparseable or without a verdict, or its call failed): an error, never a pass. The message names the
 * check, the problem and the judge's raw output.
 */
@API(status = API.Status.INTERNAL)
public final class JudgeGradingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JudgeGradingException(String message) {
        super(message);
    }
}
