package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Issue 16, "Done when" 2, on the embedded emulator with a persistent data directory: a {@code provider: vertex} tune
 * block creates a Vertex AI tuning job from a local JSONL (uploaded to the emulator's Cloud Storage), a rerun with
 * unchanged data reuses the job, one changed training line creates a new one, and the log says which and why; every
 * checkpoint runs as its own variant against its own endpoint, and summary.json carries the checkpoints the job has.
 */
class VertexTuningJobReuseTest {

    private static final Pattern JOB = Pattern.compile("projects/[^ ]+/tuningJobs/[A-Za-z0-9_.-]+");

    @TempDir
    Path project;

    @TempDir
    Path emulatorData;

    @Test
    void anUnchangedTuneBlockReusesItsJobAndAChangedLineCreatesANewOne() throws Exception {
        Path suite = project.resolve("sweep.eval.yaml");
        Files.writeString(suite, """
                suite: sweep
                models:
                  production: {model: projects/demo/locations/us-central1/endpoints/7, role: baseline}
                  cand:
                    tune:
                      provider: vertex
                      baseModel: gemini-2.5-flash
                      trainingData: intents.train.jsonl
                      hyperParameters: {epochCount: 4}
                      displayName: intents-sweep
                    checkpoints: all
                generationConfig: {temperature: 0}
                cases:
                  - id: parcel
                    prompt: Where is my parcel?
                    expect: [{contains: shipping}]
                gate:
                  candidate: cand
                  baseline: production
                  minPassRate: 0.0
                """);
        Path data = project.resolve("intents.train.jsonl");
        Files.write(data, lines("shipping"));

        Run first = run(suite);
        assertThat(first.results.testEvents().started().count())
                .isEqualTo(1 + 4 + 4); // the baseline, 4 checkpoints, 4 gates
        assertThat(first.results.testEvents().failed().count())
                .as(first.log.toString())
                .isZero();
        String created = job(first.log, "created tuning job ");
        assertThat(first.log)
                .anySatisfy(l -> assertThat(l)
                        .contains("creating a tuning job for variant 'cand'")
                        .contains("no tuning job named 'intents-sweep' exists"));
        assertThat(first.log)
                .anySatisfy(l -> assertThat(l).contains("uploaded ").contains(" to gs://tunegate-staging/"));
        JsonNode summary = new ObjectMapper()
                .readTree(project.resolve("reports/tunegate/summary.json").toFile());
        JsonNode variants = summary.at("/suites/0/variants");
        List<String> endpoints = new ArrayList<>();
        for (JsonNode v : variants) {
            if (v.has("checkpoint")) {
                assertThat(v.at("/checkpoint/tuningJob").asText()).isEqualTo(created);
                assertThat(v.at("/checkpoint/endpoint").asText()).matches("projects/.+/endpoints/.+");
                assertThat(v.path("model").asText())
                        .isEqualTo(v.at("/checkpoint/endpoint").asText());
                assertThat(v.at("/checkpoint/epoch").asInt())
                        .isEqualTo(v.at("/checkpoint/checkpointId").asInt());
                endpoints.add(v.at("/checkpoint/endpoint").asText());
            }
        }
        assertThat(endpoints).hasSize(4).doesNotHaveDuplicates();

        Run second = run(suite);
        assertThat(second.results.testEvents().failed().count()).isZero();
        assertThat(second.log).noneSatisfy(l -> assertThat(l).contains("creating a tuning job"));
        assertThat(second.log)
                .anySatisfy(l -> assertThat(l)
                        .contains("reusing tuning job " + created + " (JOB_STATE_SUCCEEDED) for variant 'cand'")
                        .contains("same display name 'intents-sweep' and content hash"));

        List<String> changed = lines("shipping");
        changed.set(1, changed.get(1).replace("shipping", "delivery"));
        Files.write(data, changed);
        Run third = run(suite);
        assertThat(third.results.testEvents().failed().count()).isZero();
        String recreated = job(third.log, "created tuning job ");
        assertThat(recreated).isNotEqualTo(created);
        assertThat(third.log)
                .anySatisfy(l -> assertThat(l)
                        .contains("creating a tuning job for variant 'cand'")
                        .contains("(its training data or settings changed)")
                        .contains(created + " has content hash"));
    }

    private static List<String> lines(String answer) {
        List<String> lines = new ArrayList<>();
        for (String q : List.of("Where is my parcel?", "My order has not arrived", "Has my package shipped?")) {
            lines.add("{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"" + q + "\"}]},"
                    + " {\"role\": \"model\", \"parts\": [{\"text\": \"" + answer + "\"}]}]}");
        }
        return lines;
    }

    private static String job(List<String> log, String start) {
        String line = log.stream()
                .filter(l -> l.contains(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line with '" + start + "' in " + log));
        Matcher m = JOB.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return m.group();
    }

    private record Run(EngineExecutionResults results, List<String> log) {}

    private Run run(Path suite) {
        EngineLog captured = EngineLog.messages();
        List<String> log = captured.lines();
        try (captured) {
            return new Run(
                    EngineTestKit.engine("tunegate")
                            .selectors(selectFile(suite.toFile()))
                            .configurationParameter("tunegate.project-root", project.toString())
                            .configurationParameter("tunegate.emulator.data-dir", emulatorData.toString())
                            .configurationParameter("tunegate.emulator.deploy", "7=models/gemini-1.5-flash-001")
                            .configurationParameter(
                                    "tunegate.reports.dir",
                                    project.resolve("reports").toString())
                            .configurationParameter("tunegate.allure.enabled", "false")
                            .configurationParameter("tunegate.tuning.poll-interval", "PT0.05S")
                            .execute(),
                    log);
        }
    }
}
