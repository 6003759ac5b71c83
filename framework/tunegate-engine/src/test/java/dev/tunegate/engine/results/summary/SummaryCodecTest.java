package dev.tunegate.engine.results.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunegate.engine.model.gate.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** summary.json is read and written through the same records: reading a golden file and writing it back changes nothing. */
class SummaryCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"gated-summary.json", "two-summary.json"})
    void readingAndWritingBackKeepsEveryByte(String golden) throws IOException {
        String text;
        try (InputStream in =
                SummaryCodecTest.class.getResourceAsStream("/dev/tunegate/engine/results/report/golden/" + golden)) {
            assertThat(in).as(golden).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SummaryDocument document = SummaryCodec.read(new StringReader(text));
        StringWriter out = new StringWriter();
        SummaryCodec.write(document, out);

        assertThat(out.toString()).isEqualTo(text);
        assertThat(document.suites()).isNotEmpty();
        assertThat(document.suites().get(0).cases().get(0).variants().values())
                .extracting(SummaryDocument.CaseVariant::status)
                .isNotEmpty()
                .doesNotContainNull();
        assertThat(Outcome.ofLabel("passed")).isEqualTo(Outcome.PASSED);
    }
}
