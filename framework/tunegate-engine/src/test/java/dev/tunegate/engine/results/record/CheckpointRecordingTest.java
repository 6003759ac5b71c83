package dev.tunegate.engine.results.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.engine.config.ComparisonSettings;
import dev.tunegate.engine.matchers.MatcherOutcome;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.matchers.Verdict;
import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.model.suite.SuiteParser;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import dev.tunegate.engine.run.GateFailurePolicy;
import dev.tunegate.engine.run.PlannedTest;
import dev.tunegate.engine.run.ResultListener;
import dev.tunegate.engine.run.Sample;
import dev.tunegate.engine.run.VariantRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;

/**
 * The run recorder turns variants that evaluate tuning-job checkpoints ({@link ModelVariant#atCheckpoint}, as
 * checkpoint expansion makes them) into a checkpoint sweep: every checkpoint gated against the baseline and the
 * recommendation in summary.json, fed through the listener the engine feeds.
 */
class CheckpointRecordingTest {

    private static final ObjectMapper JSON = dev.tunegate.client.GeminiJson.newMapper();
    private static final String JOB = "projects/p/locations/us-central1/tuningJobs/42";
    /** epoch, first passing case, end (exclusive): as ReportFixtures.checkpointSweep, declared out of epoch order. */
    private static final int[][] EPOCHS = {{5, 4, 14}, {1, 0, 12}, {3, 0, 18}, {2, 0, 17}, {4, 0, 18}};

    @TempDir
    Path reports;

    @Test
    void checkpointVariantsOfASuiteGetASweepWithTheRecommendation() throws Exception {
        EvalSuite written = new SuiteParser(
                        new SuiteFiles(null, 1 << 20, getClass().getClassLoader()), 1 << 20, 10_000)
                .parse(SuiteFiles.classpathUri("dev/tunegate/engine/gates/checkpoint-recording.eval.yaml"));
        Map<String, ModelVariant> variants = new LinkedHashMap<>();
        variants.put("base", written.variants().get("base"));
        for (int[] e : EPOCHS) {
            ModelVariant point = written.variants()
                    .get("cand")
                    .atCheckpoint(new VariantCheckpoint(
                            "cand",
                            JOB,
                            String.valueOf(e[0]),
                            e[0],
                            10L * e[0],
                            "projects/p/locations/us-central1/endpoints/" + (900 + e[0]),
                            e[0] == 5));
            variants.put(point.name(), point);
        }
        EvalSuite suite = written.withVariants(variants);
        // reports under <reports>/reports; the recorder gets no Allure reporter
        ComparisonSettings settings = ComparisonSettings.defaults(Optional.of(reports));
        ResultListener recorder = GateJudge.recording(
                        settings,
                        new dev.tunegate.engine.run.replay.RecordingTimes(),
                        new GateFailurePolicy(settings),
                        List.of(),
                        null,
                        Map.of(),
                        Map.of(),
                        Clock.fixed(Instant.parse("2026-12-03T06:00:00Z"), ZoneOffset.UTC),
                        null)
                .listener();

        recorder.suiteStarted(suite);
        for (int i = 0; i < suite.cases().size(); i++) {
            EvalCase c = suite.cases().get(i);
            run(recorder, suite, c, variants.get("base"), i < 14);
            for (int[] e : EPOCHS) {
                run(recorder, suite, c, variants.get("cand@" + e[0]), i >= e[1] && i < e[2]);
            }
        }
        recorder.suiteFinished(suite);
        recorder.runFinished();

        JsonNode summary = JSON.readTree(
                settings.reportsDir().resolve("tunegate/summary.json").toFile());
        assertThat(summary.at("/suites/0/variants/1/checkpoint/tuningJob").asText())
                .isEqualTo(JOB);
        JsonNode sweep = summary.at("/suites/0/checkpointSweeps/0");
        assertThat(sweep.get("checkpoints"))
                .extracting(p -> p.get("variant").asText())
                .containsExactly("cand@1", "cand@2", "cand@3", "cand@4", "cand@5");
        assertThat(sweep.get("best").asText()).isEqualTo("cand@3");
        assertThat(sweep.at("/recommendation/variant").asText()).isEqualTo("cand@2");
        assertThat(sweep.at("/recommendation/endpoint").asText())
                .isEqualTo("projects/p/locations/us-central1/endpoints/902");
        assertThat(sweep.at("/checkpoints/4/verdict").asText()).isEqualTo("failed");
    }

    private static GenerateContentResponse response(String text) {
        return JSON.convertValue(
                Map.of(
                        "candidates",
                        List.of(Map.of(
                                "content",
                                Map.of("role", "model", "parts", List.of(Map.of("text", text))),
                                "finishReason",
                                "STOP"))),
                GenerateContentResponse.class);
    }

    private static void run(ResultListener recorder, EvalSuite suite, EvalCase c, ModelVariant variant, boolean pass) {
        UniqueId id = UniqueId.forEngine("tunegate")
                .append("suite", suite.location().toString())
                .append("case", c.id())
                .append("variant", variant.name());
        Sample sample = new Sample(
                0,
                variant.model(),
                GenerateContentRequest.of(c.id()),
                Optional.of(ModelAnswer.of(response(pass ? "answer" : "nothing"), Duration.ofMillis(5))),
                Optional.empty());
        Verdict verdict = new Verdict(List.of(
                pass
                        ? MatcherOutcome.passed("contains answer")
                        : new MatcherOutcome("contains answer", new AssertionError("no answer"))));
        recorder.variantFinished(
                new VariantRun(new PlannedTest(id, suite, c, variant), List.of(sample)),
                List.of(Optional.of(verdict)),
                pass);
    }
}
