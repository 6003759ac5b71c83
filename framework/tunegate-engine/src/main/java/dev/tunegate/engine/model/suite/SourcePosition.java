package dev.tunegate.engine.model.suite;

import org.apiguardian.api.API;

/** A 1-based line and column in a suite file (or in a file a suite reads cases from). */
@API(status = API.Status.INTERNAL)
public record SourcePosition(int line, int column) {

    /** The start of a file. */
    public static final SourcePosition START = new SourcePosition(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
