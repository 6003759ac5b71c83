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
    void tuneFollowsTheOperationAndPrintsTheLossCurve() {
        Cli.Result result = Cli.run(
                "tune",
                "--endpoint",
                endpoint,
                "--data",
                data("train.jsonl"),
                "--base-model",
                "models/gemini-1.5-flash-001-tuning",
                "--id",
                "triage-jsonl",
                "--display-name",
                "Triage JSONL",
                "--epochs",
                "3",
                "--batch-size",
                "4");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("Tuning tunedModels/triage-jsonl from models/gemini-1.5-flash-001-tuning on 12 examples")
                .contains("mean loss")
                .containsPattern("\\|\\s*\\*")
                .contains("step 1")
                .containsPattern("first loss \\d+\\.\\d+, last loss \\d+\\.\\d+ after 9 steps \\(epoch 3\\)")
                .doesNotContainPattern("\\d\\.\\d{6,}")
                .contains("Tuned model tunedModels/triage-jsonl is ACTIVE");
        assertThat(result.out()).doesNotContain("\u001B[");
    }

    @Test
    void modelsListGetPatchDelete() throws Exception {
        assertThat(Cli.run(
                                "tune",
                                "--endpoint",
                                endpoint,
                                "--data",
                                data("train.csv"),
                                "--base-model",
                                "models/gemini-1.5-flash-001-tuning",
                                "--id",
                                "triage-csv",
                                "--epochs",
                                "1")
                        .exitCode())
                .isZero();

        Cli.Result list = Cli.run("models", "list", "--endpoint", endpoint);
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out())
                .containsPattern("NAME\\s+DISPLAY NAME\\s+STATE")
                .containsPattern("tunedModels/triage-csv\\s+.*ACTIVE\\s+models/gemini-1.5-flash-001-tuning");

        Cli.Result listJson = Cli.run("models", "list", "--json", "--endpoint", endpoint);
        JsonNode models = new ObjectMapper().readTree(listJson.out());
        assertThat(models.isArray()).isTrue();
        assertThat(models.findValuesAsText("name")).contains("tunedModels/triage-csv");

        Cli.Result get = Cli.run("models", "get", "triage-csv", "--endpoint", endpoint);
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.out())
                .containsPattern("state\\s+ACTIVE")
                .containsPattern("last snapshot\\s+step 3, epoch 1, mean loss \\d+\\.\\d+")
                .doesNotContainPattern("mean loss \\d+\\.\\d{6,}");

        Cli.Result patch = Cli.run(
                "models",
                "patch",
                "tunedModels/triage-csv",
                "--display-name",
                "Renamed",
                "--description",
                "from the CLI test",
                "--json",
                "--endpoint",
                endpoint);
        assertThat(patch.exitCode()).as(patch.toString()).isZero();
        JsonNode patched = new ObjectMapper().readTree(patch.out());
        assertThat(patched.path("displayName").asText()).isEqualTo("Renamed");
        assertThat(patched.path("description").asText()).isEqualTo("from the CLI test");

        assertThat(Cli.run("models", "patch", "triage-csv", "--endpoint", endpoint)
                        .exitCode())
                .as("nothing to patch")
                .isEqualTo(ExitCodes.USAGE);

        Cli.Result delete = Cli.run("models", "delete", "triage-csv", "--endpoint", endpoint);
        assertThat(delete.exitCode()).as(delete.toString()).isZero();
        assertThat(delete.out()).contains("Deleted tunedModels/triage-csv");

        Cli.Result gone = Cli.run("models", "get", "triage-csv", "--endpoint", endpoint);
        assertThat(gone.exitCode()).as("404 is a usage error").isEqualTo(ExitCodes.USAGE);
        assertThat(gone.err()).contains("HTTP 404 NOT_FOUND");
    }

    @Test
    void rejectedRequestIsAUsageError() {
        Cli.Result result = Cli.run(
                "tune",
                "--endpoint",
                endpoint,
                "--data",
                data("train.jsonl"),
                "--base-model",
                "models/gemini-1.5-flash-001-tuning",
                "--id",
                "Not_A_Valid_Id");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("HTTP 400 INVALID_ARGUMENT");
    }

    @Test
    void badTrainingDataNamesFileAndLine() {
        Cli.Result result = Cli.run(
                "tune",
                "--endpoint",
                endpoint,
                "--data",
                data("broken.jsonl"),
                "--base-model",
                "models/gemini-1.5-flash-001-tuning");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("broken.jsonl:2: missing output");

        Cli.Result missing = Cli.run("tune", "--endpoint", endpoint, "--data", "nope.jsonl", "--base-model", "m");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("Training data file not found: nope.jsonl");

        assertThat(Cli.run("tune", "--endpoint", endpoint, "--data", data("train.jsonl"))
                        .exitCode())
                .as("--base-model is required")
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void unreachableEndpointIsAnInfrastructureError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Cli.Result result = Cli.run("models", "list", "--endpoint", "http://127.0.0.1:" + port);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(result.err())
                .as("says what to do instead of retrying without a word")
                .contains("nothing is listening at http://127.0.0.1:" + port)
                .contains("tunegate emulator");
    }

    @Test
    void aTunedModelIdInUseIsAUsageErrorThatSaysWhatToDo() {
        String[] tune = {
            "tune",
            "--endpoint",
            endpoint,
            "--data",
            data("train.jsonl"),
            "--base-model",
            "models/gemini-1.5-flash-001-tuning",
            "--id",
            "twice-used-id"
        };
        assertThat(Cli.run(tune).exitCode()).isZero();
        Cli.Result again = Cli.run(tune);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("HTTP 409").contains("new --id").contains("tunegate models delete");
    }

    @Test
    void theReadmeTuneExampleNamesATrainingFileThatExists() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("README.md"));
        java.util.regex.Matcher data =
                java.util.regex.Pattern.compile("tunegate tune --data (\\S+)").matcher(readme);
        assertThat(data.find()).isTrue();
        assertThat(Path.of("../..").resolve(data.group(1))).exists();
    }

    @Test
    void realApiWithoutKeyIsRefusedBeforeAnyRequest() {
        Cli.Result result =
                Cli.run("models", "list", "--endpoint", "google", "--api-key-env", "TUNEGATE_TEST_UNSET_KEY");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("needs a key", "TUNEGATE_TEST_UNSET_KEY");

        Cli.Result badUrl = Cli.run("models", "list", "--endpoint", "ftp://example");
        assertThat(badUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static String data(String name) {
        return Path.of("src/test/resources/data", name).toString();
    }
}
