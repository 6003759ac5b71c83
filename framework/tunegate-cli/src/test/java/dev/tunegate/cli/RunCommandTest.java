package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunegate.emulator.GeminiEmulator;
import dev.tunegate.engine.results.record.VerdictLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tunegate run through the Launcher with the real engine and its embedded emulator. */
class RunCommandTest {
    private static final String SUITES = "src/test/resources/suites/";

    @TempDir
    Path reports;

    private Cli.Result run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "run";
        all[1] = "--reports";
        all[2] = reports.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(all);
    }

    @Test
    void passingSuitePrintsATablePerSuiteAndVariantAndExitsZero() {
        Cli.Result result = run(SUITES + "passing");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .containsPattern("SUITE\\s+VARIANT\\s+PASSED\\s+FAILED\\s+TOLERATED\\s+ABORTED\\s+SKIPPED\\s+PASS RATE")
                .containsPattern("greetings\\s+base\\s+2\\s+0\\s+0\\s+0\\s+0\\s+100\\.0%")
                .containsPattern("greetings\\s+fast\\s+2\\s+0\\s+0\\s+0\\s+0\\s+100\\.0%")
                .contains("PASSED")
                .contains("Reports: " + reports.resolve("tunegate").resolve("summary.md"))
                .doesNotContain("\u001B[");
    }

    @Test
    void enforcedFailureExitsOneAndNamesTheMatcher() {
        Cli.Result result = run(SUITES + "failing/strict.eval.yaml");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.out())
                .containsPattern("strict\\s+base\\s+1\\s+1")
                .contains("Failures (2):", "strict › impossible [base]", "[assertion]", "equals")
                .contains("strict › gate [base]", "REJECT"); // strict mode: the gate test fails with the case
    }

    @Test
    void brokenSuiteIsADiscoveryErrorWithItsPosition() {
        Cli.Result result = run(SUITES + "broken", SUITES + "passing");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("bad.eval.yaml")
                .containsPattern(":\\d+:\\d+")
                .contains("noSuchMatcher");
        assertThat(result.out()).as("the other suites still run").containsPattern("greetings\\s+base\\s+2");
    }

    @Test
    void unreachableEndpointIsAnInfrastructureError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Cli.Result result = run(
                "--endpoint",
                "http://127.0.0.1:" + port,
                "-Dtunegate.retry.max-attempts=1",
                SUITES + "failing/strict.eval.yaml");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(result.out()).contains("[infrastructure]");
    }

    @Test
    void aModelTheEmbeddedEmulatorDoesNotHaveIsADiscoveryIssueNamingVariantModelAndSource() {
        Cli.Result result = run("-Dtunegate.model.fast=models/gemini-2.0-flsh", SUITES + "passing", SUITES + "gated");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("greetings.eval.yaml:4:")
                .contains("variant 'fast': model 'models/gemini-2.0-flsh' (set by tunegate.model.fast) does not exist"
                        + " at the embedded emulator (did you mean 'models/gemini-2.0-flash'?)");
        assertThat(result.out())
                .as("found before any call: no test of the suite runs, the other suite does")
                .doesNotContain("HTTP 404")
                .doesNotContainPattern("greetings\\s+base")
                .containsPattern("gated\\s+base\\s+2")
                .containsPattern("greetings\\.eval\\.yaml \\(container\\)\\s+\\[input\\]");
    }

    @Test
    void aModelWrittenInTheSuiteIsCheckedToo(@TempDir Path suites) throws IOException {
        Files.writeString(
                suites.resolve("greetings.eval.yaml"),
                Files.readString(Path.of(SUITES + "passing/greetings.eval.yaml"))
                        .replace("models/gemini-2.0-flash", "models/gemini-9-flash"));
        Cli.Result result = run(suites.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("model 'models/gemini-9-flash' (written in the suite; tunegate.model.fast can override it)"
                        + " does not exist at the embedded emulator")
                .contains("No tests found in [" + suites + "] (suites are *.eval.yaml / *.eval.yml files; see the"
                        + " problems above).");
    }

    @Test
    void aModelTheEndpointDoesNotKnowIsADiscoveryIssueToo() {
        try (GeminiEmulator emulator = GeminiEmulator.builder().port(0).build().start()) {
            Cli.Result result = run(
                    "--endpoint", emulator.baseUrl(), "-Dtunegate.model.base=models/no-such-model", SUITES + "passing");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err())
                    .contains("variant 'base': model 'models/no-such-model' (set by tunegate.model.base) does not exist"
                            + " at tunegate.endpoint " + emulator.baseUrl())
                    .contains("HTTP 404");
            assertThat(result.out()).doesNotContain("HTTP 404");
        }
    }

    @Test
    void anEndpointWithoutModelLookupsStillRunsItsSuites() throws IOException {
        try (GeminiEmulator emulator = GeminiEmulator.builder().port(0).build().start();
                GenerateOnlyServer server = new GenerateOnlyServer(emulator.baseUrl())) {
            Cli.Result result = run("--endpoint", server.baseUrl(), SUITES + "passing");
            assertThat(result.exitCode())
                    .as("a 404 to models.get means 'missing' only where models.list is served: " + result)
                    .isEqualTo(ExitCodes.OK);
            assertThat(result.err()).doesNotContain("does not exist");
            assertThat(result.out()).containsPattern("greetings\\s+base\\s+2");
            assertThat(server.lookups).as("the lookups discovery asked").hasPositiveValue();
            assertThat(server.posts).as("generateContent calls").hasPositiveValue();
        }
    }

    @Test
    void anEndpointThatRejectsTheKeyIsOneUsageError() {
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                .port(0)
                .requireApiKey("right-key")
                .build()
                .start()) {
            Cli.Result result = run(
                    "--endpoint",
                    emulator.baseUrl(),
                    "-Dtunegate.api-key.env=TUNEGATE_TEST_KEY_THAT_IS_NOT_SET",
                    SUITES + "passing",
                    SUITES + "gated");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            String all = result.out() + result.err();
            assertThat(all.split("HTTP 401", -1)).as(all).hasSize(2);
            assertThat(result.err())
                    .contains("refused to look up model")
                    .contains("Set the API key in the environment variable TUNEGATE_TEST_KEY_THAT_IS_NOT_SET");
            assertThat(result.out()).as("no test ran").doesNotContain("Failures (");
        }
    }

    @Test
    void aModelOverrideThatIsNoModelNameIsADiscoveryIssueNamingTheKey() {
        Cli.Result result = run("-Dtunegate.model.fast=gemini-flash", SUITES + "passing");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.toString())
                .contains("greetings.eval.yaml:4:")
                .contains("tunegate.model.fast='gemini-flash' is not a model name");
    }

    @Test
    void anInvalidCheckpointsOptionIsAUsageErrorNamingTheKey() {
        Cli.Result result = run("--checkpoints", "the good ones", SUITES + "passing");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.toString())
                .contains("tunegate.checkpoints")
                .contains("the good ones")
                .contains("is not all, default, last or a comma-separated list of checkpoint ids");
    }

    @Test
    void tagsAndVariantsFilter() {
        Cli.Result tagged = run("--tags", "smoke", SUITES + "passing");
        assertThat(tagged.exitCode()).as(tagged.toString()).isZero();
        assertThat(tagged.out())
                .containsPattern("greetings\\s+base\\s+1\\s+0")
                .containsPattern("greetings\\s+fast\\s+1\\s+0");

        Cli.Result oneVariant = run("--variants", "fast", SUITES + "passing");
        assertThat(oneVariant.exitCode()).as(oneVariant.toString()).isZero();
        assertThat(oneVariant.out())
                .containsPattern("greetings\\s+fast\\s+2\\s+0")
                .doesNotContainPattern("greetings\\s+base\\s+[1-9]");
    }

    @Test
    void gateVerdictsAndOverridingTheCandidate() {
        Cli.Result rejected = run(SUITES + "gated");
        assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(rejected.out()).containsPattern("gated\\s+.*REJECT");
        assertThat(rejected.out())
                .as("the candidate's failures count towards the gate: tolerated, not aborted")
                .contains("TOLERATED")
                .containsPattern("gated\\s+candidate\\s+0\\s+0\\s+2\\s+0\\s+0\\s+");

        Cli.Result promoted =
                run("-Dtunegate.gate.candidate=base", "-Dtunegate.gate.baseline=candidate", SUITES + "gated");
        assertThat(promoted.exitCode()).as(promoted.toString()).isZero();
        assertThat(promoted.out())
                .containsPattern("gated\\s+gate \\[base\\]\\s+PROMOTE")
                .doesNotContain("REJECT");
    }

    @Test
    void gateRowsNameTheFailedRulesWithRequiredAndActualValues() {
        Cli.Result result = run(SUITES + "gated", SUITES + "passing");
        assertThat(result.out())
                .as(result.toString())
                .containsPattern(
                        "gated\\s+gate \\[candidate\\]\\s+REJECT\\s+vs base: maxRegressions 2 \\(required <= 0\\)")
                .containsPattern("greetings\\s+gate \\[fast\\]\\s+PROMOTE\\s+vs base: 1 rule holds");
    }

    @Test
    void theVerdictIsPrintedOnceByTheCliNotAlsoByTheEnginesEndOfRunLog() {
        List<LogRecord> verdictBlocks = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (VerdictLog.class.getName().equals(record.getSourceClassName())) {
                    verdictBlocks.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger engineLog = Logger.getLogger("dev.tunegate.engine");
        engineLog.addHandler(handler);
        try {
            FakeTerminal terminal = new FakeTerminal(false, 80);
            Cli.Result result = Cli.runOn(terminal, "--reports", reports.toString(), SUITES + "gated");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(verdictBlocks).as("the engine's verdict block").isEmpty();
            assertThat((result.out() + terminal.transcript()).split("REJECT", -1))
                    .as(result.out() + terminal.transcript())
                    .hasSize(2);
        } finally {
            engineLog.removeHandler(handler);
        }
    }

    @Test
    void noSuitesFoundIsAUsageError(@TempDir Path empty) {
        Cli.Result result = run(empty.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("No tests found");

        assertThat(run("--tags", "((", SUITES + "passing").exitCode())
                .as("bad tag expression")
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("--mode", "sometimes", SUITES + "passing").exitCode())
                .as("bad mode")
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("--concurrency", "0", SUITES + "passing").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aProjectThatTurnsOffRootDiscoveryForItsIdeStillRunsItsSuites(@TempDir Path project) throws IOException {
        // tunegate.discovery.as-root-engine=false in the project's junit-platform.properties must not make
        // `run` (a root launch of the engine by design) find nothing: the file sits beside the suites and
        // is not on the command line's classpath, where the Launcher looks for it.
        Path resources = Files.createDirectories(project.resolve("src/test/resources"));
        Files.writeString(resources.resolve("junit-platform.properties"), "tunegate.discovery.as-root-engine=false\n");
        Files.copy(Path.of(SUITES + "passing/greetings.eval.yaml"), resources.resolve("greetings.eval.yaml"));
        Cli.Result result = run(resources.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("greetings\\s+base\\s+2\\s+0");

        Cli.Result withOption = run("-Dtunegate.discovery.as-root-engine=false", resources.toString());
        assertThat(withOption.exitCode()).as(withOption.toString()).isZero();
        assertThat(withOption.out()).containsPattern("greetings\\s+base\\s+2\\s+0");
    }

    @Test
    void replayWithoutRecordingsAbortsAndSaysSo(@TempDir Path cassettes) {
        Cli.Result result = run("--mode", "replay", "--cassettes", cassettes.toString(), "-v", SUITES + "passing");
        assertThat(result.out())
                .as(result.toString())
                .containsPattern("greetings\\s+base\\s+0\\s+0\\s+0\\s+2")
                .contains("-Dtunegate.mode=record")
                .contains("4 test(s) had no recording to replay");
    }
}
