package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunegate calibrate}: the judge's agreement with human labels, against the embedded emulator. */
class CalibrateCommandTest {

    @TempDir
    Path dir;

    /**
     * The fixture has 10 examples: the emulator's judge passes the 6 answers that cover the rubric and
     * fails the 4 that do not; humans label 4 of the covering ones and 1 other PASS. By hand: p0 = 7/10,
     * pe = 0.5 x 0.6 + 0.5 x 0.4 = 0.5, kappa = (0.7 - 0.5) / 0.5 = 0.4, SE = sqrt(0.7 x 0.3 / (10 x 0.25))
     * = 0.2898, 95% interval 0.4 -+ 1.95996 x 0.2898 = [-0.168, 0.968]; TPR 4/5, TNR 3/5.
     */
    @Test
    void printsAndWritesTheAgreementMatchingAHandComputedKappa() throws IOException {
        Path file = dir.resolve("refund.calibration.jsonl");
        Files.copy(Path.of("src/test/resources/calibration/refund.calibration.jsonl"), file);

        Cli.Result result = Cli.run("calibrate", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("examples")
                .contains("accuracy                 0.700")
                .contains("Cohen's kappa            0.400 [-0.168, 0.968] 95%")
                .contains("true-positive rate       0.800")
                .contains("true-negative rate       0.600");
        JsonNode written = new ObjectMapper()
                .readTree(dir.resolve("refund.calibration.agreement.json").toFile());
        assertThat(written.get("kappa").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(written.at("/kappaInterval/lower").asDouble()).isCloseTo(-0.168, within(5e-4));
        assertThat(written.at("/kappaInterval/upper").asDouble()).isCloseTo(0.968, within(5e-4));
        assertThat(written.get("accuracy").asDouble()).isCloseTo(0.7, within(1e-9));
        assertThat(written.get("sha256").asText()).hasSize(64);
    }

    @Test
    void aLineWithoutALabelIsAUsageError() throws IOException {
        Path file = dir.resolve("bad.calibration.jsonl");
        Files.writeString(file, "{\"prompt\":\"p\",\"answer\":\"a\",\"rubric\":\"r\"}\n");
        Cli.Result result = Cli.run("calibrate", file.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("bad.calibration.jsonl:1").contains("'label' is missing");
    }
}
