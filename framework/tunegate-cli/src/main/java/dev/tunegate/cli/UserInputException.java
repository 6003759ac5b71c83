package dev.tunegate.cli;

/** Bad input from the user (a missing or malformed file, an inconsistent option); exit code 2. */
final class UserInputException extends RuntimeException {
    UserInputException(String message) {
        super(message);
    }

    UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
