package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.tunegate.emulator.GeminiEmulator;
import dev.tunegate.emulator.faults.FaultPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A canary bearer token and a canary Vertex AI express-mode key reach the emulator, which answers 401, 403, 429 and
 * 500, but appear in no report, recording, log line, console output or test exception of the runs.
 */
class VertexCanaryTest {
    private static final String TOKEN = "ya29.CANARY-bearer-token-0123456789";
    private static final String WRONG_TOKEN = "ya29.CANARY-wrong-token-9876543210";

    @TempDir
    Path dir;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final StringBuilder produced = new StringBuilder();

    @Test
    void noCanaryTokenOrKeyInAnyOutput() throws IOException {
        // An environment variable of this JVM plays the express-mode key, so that it is really sent.
        Map.Entry<String, String> key = System.getenv().entrySet().stream()
                .filter(e -> e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*"))
                .filter(e ->
                        e.getValue().matches("[!-~]{12,200}") && !e.getValue().contains("'"))
                .min(Map.Entry.comparingByKey())
                .orElseThrow(() -> new IllegalStateException("no environment variable to use as a canary key"));
        Path suite = Files.writeString(
                dir.resolve("canary.eval.yaml"),
                """
                suite: canary
                models:
                  tuned: projects/demo/locations/us-central1/endpoints/123
                cases:
                """
                        + Stream.iterate(0, i -> i + 1)
                                .limit(12)
                                .map(i -> "  - {id: c" + i + ", prompt: \"Say hello " + i
                                        + "\", expect: [{finishReason: STOP}]}\n")
                                .reduce("", String::concat));
        FaultPlan faults = FaultPlan.NONE
                .withErrorRates(0.3, 0.3, 0)
                .withRetryAfterSeconds(0)
                .withSeed(3);
        Handler capture = capture();
        Logger root = Logger.getLogger("");
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        root.addHandler(capture);
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                        .port(0)
                        .requireBearer(TOKEN)
                        .deploy("123", "models/gemini-1.5-flash-001")
                        .faults(faults)
                        .build()
                        .start();
                TokenServer valid = new TokenServer(TOKEN);
                TokenServer wrong = new TokenServer(WRONG_TOKEN)) {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            Path validFile = valid.credentialsFile(Files.createDirectories(dir.resolve("valid")));
            Path wrongFile = wrong.credentialsFile(Files.createDirectories(dir.resolve("wrong")));

            // 429 and 500 (retried, some calls fail for good), with the right token, recorded
            EngineExecutionResults good = run(
                    suite,
                    emulator,
                    "good",
                    Map.of(
                            "tunegate.vertex.credentials", validFile.toString(),
                            "tunegate.mode", "record",
                            "tunegate.retry.max-attempts", "2"));
            // 403 PERMISSION_DENIED: the wrong token
            EngineExecutionResults denied =
                    run(suite, emulator, "denied", Map.of("tunegate.vertex.credentials", wrongFile.toString()));
            // 401 UNAUTHENTICATED: express mode sends its key but no bearer token
            EngineExecutionResults express =
                    run(suite, emulator, "express", Map.of("tunegate.vertex.api-key.env", key.getKey()));

            assertThat(good.testEvents().succeeded().count())
                    .as("calls the token passed")
                    .isPositive();
            assertThat(good.testEvents().failed().count())
                    .as("calls that failed with 429/500 twice")
                    .isPositive();
            assertThat(failures(denied)).as("403 for the wrong token").contains("HTTP 403 PERMISSION_DENIED");
            assertThat(failures(express)).as("401 without a token").contains("HTTP 401 UNAUTHENTICATED");
            assertThat(failures(good)).containsAnyOf("HTTP 429", "HTTP 500");
            assertThat(valid.requests.get() + wrong.requests.get())
                    .as("tokens were really fetched")
                    .isPositive();
            for (EngineExecutionResults r : List.of(good, denied, express)) {
                produced.append(failures(r));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(capture);
        }
        produced.append(console.toString(StandardCharsets.UTF_8));
        logged.forEach(produced::append);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("application_default_credentials.json"))
                    .toList();
        }
        assertThat(files)
                .as("reports and recordings were written")
                .anyMatch(f -> f.endsWith("summary.json"))
                .anyMatch(f -> f.toString().contains("cassettes"));
        for (Path file : files) {
            produced.append(Files.readString(file, StandardCharsets.ISO_8859_1));
        }
        assertThat(produced.toString())
                .doesNotContain(TOKEN)
                .doesNotContain(WRONG_TOKEN)
                .doesNotContain(key.getValue())
                .doesNotContain("CANARY");
    }

    private EngineExecutionResults run(Path suite, GeminiEmulator emulator, String name, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "tunegate.endpoint", emulator.baseUrl(),
                "tunegate.vertex.endpoint", emulator.baseUrl(),
                "tunegate.reports.dir", dir.resolve(name + "-reports").toString(),
                "tunegate.cassettes", dir.resolve(name + "-cassettes").toString(),
                "tunegate.project-root", dir.toString()));
        config.putAll(extra);
        EngineTestKit.Builder kit = EngineTestKit.engine("tunegate").selectors(selectFile(suite.toFile()));
        config.forEach(kit::configurationParameter);
        return kit.execute();
    }

    /** Every failure's message and stack trace, as Surefire would write them. */
    private static String failures(EngineExecutionResults results) {
        StringWriter text = new StringWriter();
        results.allEvents().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class))
                .flatMap(java.util.Optional::stream)
                .flatMap(r -> r.getThrowable().stream())
                .forEach(t -> t.printStackTrace(new PrintWriter(text)));
        return text.toString();
    }

    private Handler capture() {
        Handler handler = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                logged.add(formatter.format(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        handler.setLevel(Level.ALL);
        return handler;
    }
}
