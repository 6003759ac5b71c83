package dev.tunegate.engine.model.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reader of JSONL and CSV record files: line numbers, and where reading goes on or stops. */
class RecordFilesTest {

    @Test
    void jsonLinesSkipBlankLinesAndKeepGoingPastMalformedOnes() {
        List<RecordFiles.Row> rows = RecordFiles.jsonLines("{\"a\":1}\r\n\n  \n{\"a\": x}\n[2]\n");
        assertThat(rows).extracting(RecordFiles.Row::line).containsExactly(1, 4, 5);
        assertThat(rows.get(0).value().get("a").asInt()).isEqualTo(1);
        assertThat(rows.get(1).isMalformed()).isTrue();
        assertThat(rows.get(1).column()).isEqualTo(7);
        assertThat(rows.get(1).malformed()).startsWith("Unrecognized token 'x'");
        assertThat(rows.get(2).value().isArray()).isTrue();
    }

    @Test
    void csvRowsStartOnTheirOwnLineEvenAfterMultiLineCells() {
        List<RecordFiles.Row> rows = RecordFiles.csvRows("id,prompt\na,\"two\nlines\"\nb,x\n");
        assertThat(rows).extracting(RecordFiles.Row::line).containsExactly(2, 4);
        assertThat(rows.get(0).value().get("prompt").asText()).isEqualTo("two\nlines");
        assertThat(rows.get(1).value().get("id").asText()).isEqualTo("b");
    }

    @Test
    void csvStopsAtTheFirstRowItCannotRead() {
        List<RecordFiles.Row> rows = RecordFiles.csvRows("id,prompt\na,x\nb,\"bad\"x\nc,y\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).isMalformed()).isTrue();
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).malformed()).doesNotContain("\n").contains("Expected column separator");
    }
}
