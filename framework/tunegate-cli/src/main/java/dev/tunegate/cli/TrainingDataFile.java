package dev.tunegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tunegate.client.model.TuningExample;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads tuning examples from a JSONL file (one {@code {"textInput": ..., "output": ...}} object per
 * line) or a CSV file with a header row naming the columns {@code textInput} and {@code output}.
 * Errors name the file and line.
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
        List<TuningExample> examples;
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            examples = readJsonLines(file);
        } else if (name.endsWith(".csv")) {
            examples = readCsv(file);
        } else {
            throw new UserInputException(file + ": training data must be a .jsonl or .csv file");
        }
        if (examples.isEmpty()) {
            throw new UserInputException(file + ": no training examples");
        }
        return examples;
    }

    private static List<TuningExample> readJsonLines(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        List<TuningExample> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UserInputException(file + ":" + (i + 1) + ": not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (node == null || !node.isObject()) {
                throw new UserInputException(
                        file + ":" + (i + 1) + ": expected a JSON object with textInput and output");
            }
            examples.add(example(file, i + 1, field(node, INPUT_NAMES), field(node, OUTPUT_NAMES)));
        }
        return examples;
    }

    private static List<TuningExample> readCsv(Path file) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<TuningExample> examples = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows =
                        mapper.readerFor(Map.class).with(schema).readValues(reader)) {
            while (rows.hasNext()) {
                int line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row = rows.next();
                examples.add(example(file, line, column(row, INPUT_NAMES), column(row, OUTPUT_NAMES)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserInputException u) {
                throw u;
            }
            throw new UserInputException("Cannot read " + file + " as CSV: " + e.getMessage(), e);
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

    private static String field(JsonNode node, List<String> names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value.isTextual() ? value.textValue() : value.toString();
            }
        }
        return null;
    }

    private static String column(Map<String, String> row, List<String> names) {
        for (String name : names) {
            if (row.get(name) != null) {
                return row.get(name);
            }
        }
        return null;
    }
}
