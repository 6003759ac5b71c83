package dev.tunegate.emulator.tuning;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.stream.Collectors;

/**
 * Says in plain words why a file of the data directory cannot be read: where the JSON breaks or which
 * field holds what the emulator cannot use, without Java class names or parser internals.
 */
final class StoreFileProblem {
    private StoreFileProblem() {}

    static String reason(IOException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return reason(parse); // a syntax error wrapped with the field it was found in
            }
        }
        if (e instanceof MismatchedInputException mismatch
                && String.valueOf(mismatch.getOriginalMessage()).contains("end-of-input")) {
            return "the JSON ends too early" + at(mismatch.getLocation());
        }
        if (e instanceof JsonEOFException eof) {
            return "the JSON ends too early" + at(eof.getLocation());
        }
        if (e instanceof JsonParseException parse) {
            return "not valid JSON" + at(parse.getLocation());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String what = e instanceof InvalidFormatException || e instanceof MismatchedInputException
                    ? "a value of the wrong type"
                    : "a value the emulator cannot use";
            return (field.isEmpty() ? what : what + " in field '" + field + "'") + at(mapping.getLocation());
        }
        if (e instanceof JsonProcessingException processing) {
            return "unreadable JSON" + at(processing.getLocation());
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return "cannot be read";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
