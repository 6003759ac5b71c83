package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.emulator.GeminiEmulator;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** tune and models against an in-process emulator on a free loopback port. */
class TuneAndModelsCommandTest {
    private static GeminiEmulator emulator;
    private static String endpoint;

    @BeforeAll
    static void startEmulator() {
        emulator = GeminiEmulator.builder().port(0).tuningStepMillis(1).build().start();
        endpoint = emulator.baseUrl();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void badTrainingDataNamesFileAndLine() {
        Cli.Result result = Cli.run("tune", "--endpoint", endpoint, "--data", data("broken.jsonl"),
                "--base-model", "models/gemini-1.5-flash-001-tuning");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("broken.jsonl:2: missing output");

        Cli.Result missing = Cli.run("tune", "--endpoint", endpoint, "--data", "nope.jsonl", "--base-model", "m");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("Training data file not found: nope.jsonl");

        assertThat(Cli.run("tune", "--endpoint", endpoint, "--data", data("train.jsonl")).exitCode())
                .as("--base-model is required").isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void unreachableEndpointIsAnInfrastructureError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Cli.Result result = Cli.run("models", "list", "--endpoint", "http://127.0.0.1:" + port);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INFRASTRUCTURE);
    }

    @Test
    void realApiWithoutKeyIsRefusedBeforeAnyRequest() {
        Cli.Result result = Cli.run("models", "list", "--endpoint", "google", "--api-key-env", "TUNEGATE_TEST_UNSET_KEY");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("needs a key", "TUNEGATE_TEST_UNSET_KEY");

        Cli.Result badUrl = Cli.run("models", "list", "--endpoint", "ftp://example");
        assertThat(badUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static String data(String name) {
        return Path.of("src/test/resources/data", name).toString();
    }
}
