package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmulatorCommandTest {

    @Test
    void helpIsTheEmulatorsOwnOptionList() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Cli.Result result;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            result = Cli.run("emulator", "--help");
        } finally {
            System.setOut(original);
        }
        assertThat(result.exitCode()).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("--port", "--host", "--data-dir", "--latency-ms", "--require-api-key");
    }

    @Test
    void rootHelpListsTheEmulatorCommand() {
        Cli.Result result = Cli.run("help", "emulator");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: tunegate emulator", "tunegate emulator --help");
    }
}
