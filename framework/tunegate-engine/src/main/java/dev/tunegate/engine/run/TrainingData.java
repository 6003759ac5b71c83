package dev.tunegate.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.client.model.TuningExample;
import dev.tunegate.engine.model.suite.RecordFiles;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.model.suite.SuiteLocations;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code tune.trainingData} file: JSONL (one {@code {"textInput": …, "output": …}} per
 * line, {@code text_input} also accepted) or CSV with a header naming those two columns. The
 * records are read by {@link RecordFiles}; every error names the file and line.
 */
final class TrainingData {

    private TrainingData() {}

    static List<TuningExample> read(SuiteFiles files, URI uri) throws IOException {
        String text = files.read(uri);
        boolean csv = "csv".equals(SuiteFiles.extension(uri));
        List<TuningExample> examples = new ArrayList<>();
        for (RecordFiles.Row row : csv ? RecordFiles.csvRows(text) : RecordFiles.jsonLines(text)) {
            if (row.isMalformed()) {
                throw new IOException(SuiteLocations.display(uri) + ":" + row.line() + ":" + row.column()
                        + ": malformed " + (csv ? "CSV" : "JSON") + ": " + row.malformed());
            }
            JsonNode node = row.value();
            String input = node.hasNonNull("textInput")
                    ? node.get("textInput").asText()
                    : node.path("text_input").textValue();
            examples.add(example(uri, row.line(), input, node.path("output").textValue()));
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
