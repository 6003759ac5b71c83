package dev.tunegate.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tunegate.client.model.TuningExample;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.model.suite.SuiteLocations;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code tune.trainingData} file: JSONL (one {@code {"textInput": …, "output": …}} per
 * line, {@code text_input} also accepted) or CSV with a header naming those two columns.
 */
final class TrainingData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    private TrainingData() {}

    static List<TuningExample> read(SuiteFiles files, URI uri) throws IOException {
        String text = files.read(uri);
        List<TuningExample> examples = new ArrayList<>();
        if ("csv".equals(SuiteFiles.extension(uri))) {
            try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(text)) {
                int line = 1;
                while (rows.hasNextValue()) {
                    line++;
                    Map<String, String> row = rows.nextValue();
                    examples.add(example(
                            uri, line, row.getOrDefault("textInput", row.get("text_input")), row.get("output")));
                }
            }
        } else {
            String[] lines = text.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(lines[i]);
                String input = node.hasNonNull("textInput")
                        ? node.get("textInput").asText()
                        : node.path("text_input").textValue();
                examples.add(example(uri, i + 1, input, node.path("output").textValue()));
            }
        }
        if (examples.isEmpty()) {
            throw new IOException(SuiteLocations.display(uri) + " has no training examples");
        }
        return examples;
    }

    private static TuningExample example(URI uri, int line, String input, String output) throws IOException {
        if (input == null || output == null) {
            throw new IOException(
                    SuiteLocations.display(uri) + ":" + line + ": a training example needs textInput and output");
        }
        return TuningExample.of(input, output);
    }
}
