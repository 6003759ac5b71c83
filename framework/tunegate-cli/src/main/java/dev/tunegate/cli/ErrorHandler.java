package dev.tunegate.cli;

import dev.tunegate.client.GeminiApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escaped a command into a one-line message and a documented exit code:
 * {@link UserInputException} and requests the API rejected (400, 401, 403, 404, 409) are usage errors;
 * other HTTP failures, I/O failures and anything unexpected are infrastructure errors.
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
        if (ex instanceof GeminiApiException api) {
            err.println(scheme.errorText("Error: " + api.getMessage()));
            int status = api.httpStatus();
            if (status == 409) {
                err.println("Hint: a tuned model with this id already exists. Choose a new --id, or delete the"
                        + " existing one first: tunegate models delete tunedModels/<id>");
            }
            boolean rejectedInput = status == 400 || status == 401 || status == 403 || status == 404 || status == 409;
            return rejectedInput ? ExitCodes.USAGE : ExitCodes.INFRASTRUCTURE;
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
