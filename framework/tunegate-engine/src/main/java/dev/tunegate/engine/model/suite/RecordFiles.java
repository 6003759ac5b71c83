package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The one reader of record files: JSONL (one JSON value a line; blank lines are skipped) and CSV
 * with a header row (each row an object of its columns' text). Every record keeps the line it
 * starts on, so that callers (case files, {@code tune.trainingData}, the CLI's {@code tune --data})
 * can name file and line in their own words. Reading never throws: a line that is not JSON, or
 * the CSV text where reading had to stop, is a malformed {@link Row}.
 */
@API(status = API.Status.INTERNAL)
public final class RecordFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    private RecordFiles() {}

    /**
     * One record, or why there is none.
     *
     * @param line      1-based line the record starts on (for a malformed row, where the problem is)
     * @param column    1-based column of the problem (1 for a record)
     * @param value     the JSON value of the line or the CSV row as an object of text cells, or null when malformed
     * @param malformed why the line is not a record (the parser's own first line), or null
     */
    @API(status = API.Status.INTERNAL)
    public record Row(int line, int column, JsonNode value, String malformed) {

        /** True when this line is not a record. */
        public boolean isMalformed() {
            return malformed != null;
        }
    }

    /** Every non-blank line of a JSONL text in order; a line that is not JSON is a malformed row and reading goes on. */
    public static List<Row> jsonLines(String text) {
        String[] lines = text.split("\r?\n", -1);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                rows.add(new Row(i + 1, 1, JSON.readTree(lines[i]), null));
            } catch (JsonProcessingException e) {
                int column = e.getLocation() == null
                        ? 1
                        : Math.max(1, e.getLocation().getColumnNr());
                rows.add(new Row(i + 1, column, null, e.getOriginalMessage()));
            }
        }
        return rows;
    }

    /**
     * The rows of a CSV text with a header row, in order; when the text cannot be read on, the last
     * row is malformed (at the parser's position, or 1:1 when it has none) and nothing after it is read.
     */
    public static List<Row> csvRows(String text) {
        List<Row> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> cells =
                CSV.readerForMapOf(String.class).with(schema).readValues(text)) {
            while (cells.hasNextValue()) {
                SourcePosition at = YamlTreeReader.position(cells.getParser().currentLocation());
                ObjectNode row = JsonNodeFactory.instance.objectNode();
                cells.nextValue().forEach(row::put);
                rows.add(new Row(Math.max(2, at.line()), 1, row, null));
            }
        } catch (IOException | RuntimeException e) {
            SourcePosition at = e instanceof JsonProcessingException j
                    ? YamlTreeReader.position(j.getLocation())
                    : SourcePosition.START;
            rows.add(new Row(at.line(), at.column(), null, YamlTreeReader.firstLine(e.getMessage())));
        }
        return rows;
    }
}
