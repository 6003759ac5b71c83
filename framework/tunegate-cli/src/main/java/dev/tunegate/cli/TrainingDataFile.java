package dev.tunegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.client.model.TuningExample;
import dev.tunegate.engine.model.suite.RecordFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads tuning examples from a JSONL file (one {@code {"textInput": ..., "output": ...}} object per
 * line) or a CSV file with a header row naming the columns {@code textInput} and {@code output}.
 * The records are read by the engine's {@link RecordFiles}; errors name the file and line.
 */
final class TrainingDataFile {
    private static final List<String> INPUT_NAMES = List.of("textInput", "text_input", "input", "prompt");
    private static final List<String> OUTPUT_NAMES = List.of("output", "completion", "response");

    private TrainingDataFile() {}

    static List<TuningExample> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("Training data file not found: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv;
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            csv = false;
        } else if (name.endsWith(".csv")) {
            csv = true;
        } else {
            throw new UserInputException(file + ": training data must be a .jsonl or .csv file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("Cannot read " + file + (csv ? " as CSV" : "") + ": " + e.getMessage(), e);
        }
        List<TuningExample> examples = new ArrayList<>();
        for (RecordFiles.Row row : csv ? RecordFiles.csvRows(text) : RecordFiles.jsonLines(text)) {
            if (row.isMalformed()) {
                throw new UserInputException(
                        file + ":" + row.line() + ": not valid " + (csv ? "CSV" : "JSON") + ": " + row.malformed());
            }
            if (!row.value().isObject()) {
                throw new UserInputException(
                        file + ":" + row.line() + ": expected a JSON object with textInput and output");
            }
            examples.add(example(file, row.line(), field(row.value(), INPUT_NAMES), field(row.value(), OUTPUT_NAMES)));
        }
        if (examples.isEmpty()) {
            throw new UserInputException(file + ": no training examples");
        }
        return examples;
    }

    private static TuningExample example(Path file, int line, String input, String output) {
        if (input == null || input.isBlank()) {
            throw new UserInputException(file + ":" + line + ": missing textInput (or input/prompt)");
        }
        if (output == null || output.isBlank()) {
            throw new UserInputException(file + ":" + line + ": missing output");
        }
        return TuningExample.of(input, output);
    }

    /** The first of {@code names} the record has (a CSV cell, or a JSON value as text). */
    private static String field(JsonNode node, List<String> names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value.isTextual() ? value.textValue() : value.toString();
            }
        }
        return null;
    }
}
