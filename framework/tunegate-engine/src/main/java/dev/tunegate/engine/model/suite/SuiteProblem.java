package dev.tunegate.engine.model.suite;

import java.net.URI;
import org.apiguardian.api.API;

/**
 * One thing wrong with a suite, located in a file: what a suite author reads as
 * {@code file:line:column: message}.
 *
 * @param file     the file the problem is in (the suite itself or a file it reads)
 * @param position where in that file
 * @param message  what is wrong, in the suite author's words
 */
@API(status = API.Status.INTERNAL)
public record SuiteProblem(URI file, SourcePosition position, String message) {

    /** {@code file:line:column: message}, with the file shown as a path where it is one. */
    public String describe() {
        return SuiteLocations.display(file) + ":" + position.line() + ":" + position.column() + ": " + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
