package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.emulator.GeminiEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A frozen baseline (tunegate.mode.v1=replay) of the example suites: v1 is answered only from its
 * recordings (never called, never tuned), the candidate v2 is called live, and the gates judge v2
 * against v1's recorded answers.
 */
class FrozenBaselineTest {
    private static final String SUITES = "../../example-suites/src/test/resources/suites";
    private static final String CASSETTES = "../../example-suites/src/test/resources/cassettes";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    @Test
    void theFrozenVariantIsNeverCalledAndTheCandidateIsGatedAgainstItsRecordedAnswers() throws Exception {
        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).tuningStepMillis(1).build().start()) {
            Cli.Result result =
                    run(emulator, reports, Path.of(CASSETTES), Path.of(SUITES), "-Dtunegate.mode.v1=replay");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(status(emulator, "tunedModels/support-triage-v1"))
                    .as("the frozen variant's model was never tuned, so never called")
                    .isEqualTo(404);
            assertThat(status(emulator, "tunedModels/support-triage-v2"))
                    .as("the candidate was tuned and called live")
                    .isEqualTo(200);
        }
        JsonNode summary =
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
        assertThat(summary.get("passed").asBoolean()).isTrue();
        for (JsonNode suite : summary.get("suites")) {
            for (JsonNode variant : suite.get("variants")) {
                boolean frozen = variant.path("frozen").asBoolean(false);
                assertThat(frozen)
                        .as(suite.get("name") + " " + variant.get("name"))
                        .isEqualTo(variant.get("name").asText().equals("v1"));
                assertThat(variant.has("recorded"))
                        .as("the example recordings predate recordedAt, and still replay")
                        .isFalse();
            }
            JsonNode gate = suite.get("candidates").get(0);
            assertThat(gate.get("baseline").asText()).isEqualTo("v1");
            assertThat(gate.get("pairedTable").get("bothPass").asInt()
                            + gate.get("pairedTable").get("regressions").asInt()
                            + gate.get("pairedTable").get("improvements").asInt()
                            + gate.get("pairedTable").get("bothFail").asInt())
                    .as("every case of " + suite.get("name") + " paired with v1's recorded answer")
                    .isEqualTo(suite.get("caseCount").asInt());
        }
        JsonNode intents = summary.get("suites").get(2);
        assertThat(intents.get("name").asText()).isEqualTo("triage-intents");
        assertThat(intents.get("candidates").get(0).get("improvements").size())
                .as("v1's recorded answers fail 4 intents v2 gets right, as in the README")
                .isEqualTo(4);
    }

    @Test
    void replayOnlyInTheSuiteFreezesTheVariantAndTheReportsTellWhenItsAnswersWereRecorded() throws Exception {
        Path suites = copyOfTheExampleSuites();
        Path intents = suites.resolve("intents.eval.yaml");
        String yaml = Files.readString(intents);
        Files.writeString(intents, yaml.replace("  v1:\n", "  v1:\n    replayOnly: true\n"));
        Path cassettes = reports.resolve("cassettes");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).tuningStepMillis(1).build().start()) {
            Cli.Result recorded = run(
                    emulator,
                    reports.resolve("recorded"),
                    cassettes,
                    intents,
                    "--mode",
                    "record",
                    "-Dtunegate.mode.v1=record");
            assertThat(recorded.exitCode())
                    .as("the key wins over replayOnly: " + recorded)
                    .isZero();
            assertThat(status(emulator, "tunedModels/support-triage-v1")).isEqualTo(200);
        }
        Instant after = Instant.now();
        assertThat(variant(reports.resolve("recorded"), "v1").has("frozen")).isFalse();

        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).tuningStepMillis(1).build().start()) {
            Cli.Result frozen = run(emulator, reports.resolve("frozen"), cassettes, intents);

            assertThat(frozen.exitCode()).as(frozen.toString()).isZero();
            assertThat(status(emulator, "tunedModels/support-triage-v1"))
                    .as("the replay-only variant was never tuned, so never called")
                    .isEqualTo(404);
        }
        JsonNode v1 = variant(reports.resolve("frozen"), "v1");
        assertThat(v1.path("frozen").asBoolean()).isTrue();
        Instant earliest = Instant.parse(v1.get("recorded").get("earliest").asText());
        Instant latest = Instant.parse(v1.get("recorded").get("latest").asText());
        assertThat(earliest).isBetween(before, after).isBeforeOrEqualTo(latest);
        assertThat(latest).isBetween(before, after);
        assertThat(variant(reports.resolve("frozen"), "v2").has("frozen")).isFalse();
        assertThat(Files.readString(reports.resolve("frozen/tunegate/summary.md")))
                .contains("Frozen: `v1` was answered only from recordings, not called (recorded " + earliest);
        assertThat(Files.readString(reports.resolve("frozen/tunegate/compare.html")))
                .contains("Frozen: <strong>v1</strong> was answered only from recordings, not called (recorded "
                        + earliest);

        // in a run that records (auto), the frozen variant's recordings count as used: never listed for pruning
        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).tuningStepMillis(1).build().start()) {
            Cli.Result auto = run(emulator, reports.resolve("auto"), cassettes, intents, "--mode", "auto");
            assertThat(auto.exitCode()).as(auto.toString()).isZero();
        }
        Path unused = cassettes.resolve(".unused-recordings");
        assertThat(Files.exists(unused) ? Files.readString(unused) : "").doesNotContain("support-triage-v1");

        // a frozen variant without a recording for a case: that case is aborted, saying why, never passed (a baseline's
        // case that did not run is not paired, as for any baseline failure)
        try (Stream<Path> files = Files.list(cassettes.resolve("triage-intents"))) {
            Files.delete(files.filter(f -> f.getFileName().toString().startsWith("support-triage-v1."))
                    .findFirst()
                    .orElseThrow());
        }
        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).tuningStepMillis(1).build().start()) {
            Cli.Result missing = run(emulator, reports.resolve("missing"), cassettes, intents, "--verbose");

            assertThat(missing.out() + missing.err())
                    .contains("Variant 'v1' is frozen (replayOnly: true): it is answered only from recordings and"
                            + " never called, and this call has none.");
            assertThat(status(emulator, "tunedModels/support-triage-v1")).isEqualTo(404);
        }
        JsonNode v1Missing = variant(reports.resolve("missing"), "v1");
        assertThat(v1Missing.get("counts").get("passed").asInt()
                        + v1Missing.get("counts").get("failed").asInt())
                .as("the case without a recording is not counted as passed (nor failed)")
                .isEqualTo(v1.get("counts").get("passed").asInt()
                        + v1.get("counts").get("failed").asInt()
                        - 1);
    }

    @Test
    void compareAgainstARecordingsDirectoryGatesTheCandidateWithoutCallingTheBaseline() throws Exception {
        Cli.Result result;
        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).tuningStepMillis(1).build().start()) {
            result = Cli.run(
                    "compare",
                    "--against",
                    CASSETTES,
                    "--no-progress",
                    "--endpoint",
                    emulator.baseUrl(),
                    "--reports",
                    reports.toString(),
                    "-Dtunegate.variants=v1,v2",
                    SUITES);

            assertThat(status(emulator, "tunedModels/support-triage-v1"))
                    .as("the baseline v1 was answered from the recordings: never tuned, never called")
                    .isEqualTo(404);
            assertThat(status(emulator, "tunedModels/support-triage-v2"))
                    .as("the candidate was tuned and called")
                    .isEqualTo(200);
        }
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Gating against the answers recorded in " + CASSETTES);
        assertThat(result.out()).contains("triage-intents").contains("PROMOTE");
        JsonNode summary =
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
        assertThat(summary.get("passed").asBoolean()).isTrue();
        for (JsonNode suite : summary.get("suites")) {
            for (JsonNode variant : suite.get("variants")) {
                assertThat(variant.path("frozen").asBoolean(false))
                        .as(suite.get("name") + " " + variant.get("name") + ": only the gate's baseline is frozen")
                        .isEqualTo(variant.get("role").asText().equals("baseline"));
            }
        }
        assertThat(Files.list(Path.of(CASSETTES, "triage-intents")).count())
                .as("nothing is recorded into the previous run's directory")
                .isEqualTo(33);
    }

    private static Cli.Result run(GeminiEmulator emulator, Path out, Path cassettes, Path suite, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--no-progress",
                "--endpoint",
                emulator.baseUrl(),
                "--variants",
                "v1,v2",
                "--cassettes",
                cassettes.toString(),
                "--reports",
                out.toString()));
        args.addAll(List.of(extra));
        args.add(suite.toString());
        return Cli.run(args.toArray(String[]::new));
    }

    private static JsonNode variant(Path out, String name) throws Exception {
        JsonNode summary = JSON.readTree(out.resolve("tunegate/summary.json").toFile());
        for (JsonNode variant : summary.get("suites").get(0).get("variants")) {
            if (variant.get("name").asText().equals(name)) {
                return variant;
            }
        }
        throw new AssertionError("no variant " + name + " in " + summary);
    }

    /** The example suites (and their data and schemas), in a folder of the test's own. */
    private Path copyOfTheExampleSuites() throws Exception {
        Path from = Path.of(SUITES);
        Path to = reports.resolve("suites");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static int status(GeminiEmulator emulator, String name) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1beta/" + name))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }
}
