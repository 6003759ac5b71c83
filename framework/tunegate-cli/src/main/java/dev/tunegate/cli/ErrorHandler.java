package dev.tunegate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escaped a command into a one-line message and a documented exit code:
 * {@link UserInputException} is a usage error, HTTP and I/O failures are infrastructure errors.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        var scheme = commandLine.getColorScheme();
        if (ex instanceof UserInputException) {
            err.println(scheme.errorText("Error: " + ex.getMessage()));
            return ExitCodes.USAGE;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            err.println(scheme.errorText("I/O error: " + ex.getMessage()));
            return ExitCodes.INFRASTRUCTURE;
        }
        String message = ex.getMessage();
        if (message != null && message.startsWith("HTTP ")) {
            err.println(scheme.errorText("Error: " + message));
            return ExitCodes.INFRASTRUCTURE;
        }
        err.println(scheme.errorText("Internal error: " + ex));
        ex.printStackTrace(err);
        return ExitCodes.INFRASTRUCTURE;
    }
}
