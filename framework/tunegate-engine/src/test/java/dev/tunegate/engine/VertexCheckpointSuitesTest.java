package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Issue 16, item 2 at discovery: variants with a Vertex AI tuning job ({@code tuningJob:}, {@code tune:} with
 * {@code provider: vertex}) and {@code checkpoints:} become one variant per checkpoint ({@code cand@3}), each a gate
 * candidate; {@code tunegate.checkpoints} replaces the suites' choice; the training JSONL is checked in the Vertex AI
 * format with file:line issues.
 */
class VertexCheckpointSuitesTest {

    private static final String GOOD_LINE =
            "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"Where is my parcel?\"}]},"
                    + " {\"role\": \"model\", \"parts\": [{\"text\": \"shipping\"}]}],"
                    + " \"systemInstruction\": {\"parts\": [{\"text\": \"Name the intent.\"}]}}";

    @TempDir
    Path project;

    private String suite(String variant) {
        return """
                suite: sweep
                models:
                  production: {model: projects/p/locations/us-central1/endpoints/9, role: baseline}
                  cand:
                %s
                cases:
                  - id: parcel
                    prompt: Where is my parcel?
                    expect: [{contains: shipping}]
                  - id: refund
                    prompt: I want my money back
                    expect: [{contains: refund}]
                gate:
                  candidate: cand
                  baseline: production
                  minPassRate: 0.5
                """.formatted(variant.indent(4).stripTrailing());
    }

    private static final String TUNE_BLOCK = """
            tune:
              provider: vertex
              baseModel: gemini-2.5-flash
              trainingData: intents.train.jsonl
              hyperParameters: {epochCount: 4, learningRateMultiplier: 1.0, adapterSize: ADAPTER_SIZE_FOUR}
            checkpoints: all
            """;

    private EngineDiscoveryResults discover(String variant, Map<String, String> config) throws IOException {
        Path file = project.resolve("sweep.eval.yaml");
        Files.writeString(file, suite(variant));
        if (!Files.exists(project.resolve("intents.train.jsonl"))) {
            Files.writeString(project.resolve("intents.train.jsonl"), GOOD_LINE + "\n" + GOOD_LINE + "\n");
        }
        return EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .configurationParameter("tunegate.project-root", project.toString())
                .configurationParameters(config)
                .selectors(selectFile(file.toFile()))
                .discover();
    }

    private static List<String> tests(EngineDiscoveryResults results) {
        return results.getEngineDescriptor().getDescendants().stream()
                .filter(TestDescriptor::isTest)
                .map(TestDescriptor::getDisplayName)
                .toList();
    }

    private static List<String> messages(EngineDiscoveryResults results) {
        return results.getDiscoveryIssues().stream()
                .map(DiscoveryIssue::message)
                .toList();
    }

    @Test
    void aVertexTuneBlockWithAllCheckpointsIsOneVariantAndOneGatePerEpoch() throws IOException {
        EngineDiscoveryResults results = discover(TUNE_BLOCK, Map.of());

        assertThat(messages(results)).isEmpty();
        assertThat(tests(results))
                .containsExactlyInAnyOrder(
                        "sweep › parcel [production]",
                        "sweep › parcel [cand@1]",
                        "sweep › parcel [cand@2]",
                        "sweep › parcel [cand@3]",
                        "sweep › parcel [cand@4]",
                        "sweep › refund [production]",
                        "sweep › refund [cand@1]",
                        "sweep › refund [cand@2]",
                        "sweep › refund [cand@3]",
                        "sweep › refund [cand@4]",
                        "sweep › gate [cand@1]",
                        "sweep › gate [cand@2]",
                        "sweep › gate [cand@3]",
                        "sweep › gate [cand@4]");
    }

    @Test
    void tunegateCheckpointsReplacesTheSuitesChoice() throws IOException {
        assertThat(tests(discover(TUNE_BLOCK, Map.of("tunegate.checkpoints", "2,3"))))
                .filteredOn(name -> name.contains("parcel"))
                .containsExactly("sweep › parcel [production]", "sweep › parcel [cand@2]", "sweep › parcel [cand@3]");
        assertThat(tests(discover(TUNE_BLOCK, Map.of("tunegate.checkpoints", "last"))))
                .filteredOn(name -> name.contains("parcel"))
                .containsExactly("sweep › parcel [production]", "sweep › parcel [cand@4]");
        assertThat(tests(discover(TUNE_BLOCK.replace("checkpoints: all\n", ""), Map.of("tunegate.checkpoints", "all"))))
                .filteredOn(name -> name.contains("parcel"))
                .hasSize(5);
    }

    @Test
    void aVertexTuneBlockWithoutCheckpointsIsOneVariant() throws IOException {
        assertThat(tests(discover(TUNE_BLOCK.replace("checkpoints: all\n", ""), Map.of())))
                .filteredOn(name -> name.contains("parcel"))
                .containsExactly("sweep › parcel [production]", "sweep › parcel [cand]");
    }

    @Test
    void anExistingTuningJobWithCheckpointIds() throws IOException {
        EngineDiscoveryResults results = discover("""
                tuningJob: projects/p/locations/us-central1/tuningJobs/42
                checkpoints: [2, 5]
                """, Map.of());
        assertThat(messages(results)).isEmpty();
        assertThat(tests(results))
                .filteredOn(name -> name.contains("parcel"))
                .containsExactly("sweep › parcel [production]", "sweep › parcel [cand@2]", "sweep › parcel [cand@5]");
    }

    @Test
    void aSuitesModeBatchHoldsForTheSuiteItsCheckpointsExpandInto() throws IOException {
        Path file = project.resolve("sweep.eval.yaml");
        Files.writeString(file, "mode: batch\n" + suite("""
                tuningJob: projects/p/locations/us-central1/tuningJobs/42
                checkpoints: [2, 5]
                """));
        FakeGateway gateway = new FakeGateway(0);
        EngineTestKit.engine(new TuneGateTestEngine(gateway.factory()))
                .configurationParameter("tunegate.project-root", project.toString())
                .configurationParameter(
                        "tunegate.reports.dir", project.resolve("reports").toString())
                .selectors(selectFile(file.toFile()))
                .execute();
        assertThat(gateway.suiteModes)
                .as("every call of the expanded suite, the baseline's and the checkpoints'")
                .hasSize(6)
                .containsOnly(Optional.of(true));
    }

    @Test
    void whatCannotBeExpandedIsADiscoveryIssueAtTheVariant() throws IOException {
        assertThat(messages(discover("""
                        tuningJob: projects/p/locations/us-central1/tuningJobs/42
                        checkpoints: all
                        """, Map.of())))
                .singleElement()
                .asString()
                .contains("sweep.eval.yaml:5:")
                .contains("checkpoints: all of tuning job projects/p/locations/us-central1/tuningJobs/42 cannot be"
                        + " listed at discovery")
                .contains("checkpoints: [1, 2]");
        assertThat(messages(discover(TUNE_BLOCK.replace("epochCount: 4, ", ""), Map.of())))
                .singleElement()
                .asString()
                .contains("sweep.eval.yaml:6:")
                .contains("needs hyperParameters.epochCount");
        assertThat(messages(discover("""
                        model: models/gemini-1.5-flash-001
                        checkpoints: all
                        """, Map.of())))
                .singleElement()
                .asString()
                .contains("sweep.eval.yaml:6:")
                .contains("checkpoints are those of a Vertex AI tuning job");
        assertThat(messages(discover("""
                        model: projects/p/locations/us-central1/endpoints/3
                        tune:
                          provider: vertex
                          baseModel: gemini-2.5-flash
                          trainingData: intents.train.jsonl
                        """, Map.of())))
                .singleElement()
                .asString()
                .contains("remove 'model: projects/p/locations/us-central1/endpoints/3'");
    }

    @Test
    void theTrainingJsonlIsCheckedInTheVertexFormatWithFileAndLine() throws IOException {
        Files.writeString(
                project.resolve("intents.train.jsonl"),
                String.join(
                        "\n",
                        GOOD_LINE,
                        "{\"textInput\": \"Where is my parcel?\", \"output\": \"shipping\"}",
                        "{\"contents\": [{\"role\": \"assistant\", \"parts\": [{\"text\": \"hi\"}]}]}",
                        "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"hi\"}]}]}",
                        "{\"contents\": [{\"role\": \"user\", \"parts\": []}, {\"role\": \"model\", \"parts\": [{\"text\": \"x\"}]}]}",
                        "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"a\"}]}, {\"role\": \"model\","
                                + " \"parts\": [{\"text\": \"b\"}]}], \"systemInstruction\": \"Be brief\"}",
                        "{\"contents\": [",
                        ""));

        assertThat(messages(discover(TUNE_BLOCK, Map.of())))
                .satisfiesExactly(
                        m -> assertThat(m)
                                .contains("intents.train.jsonl:2:1")
                                .contains("needs contents")
                                .contains("Gemini API textInput/output"),
                        m -> assertThat(m)
                                .contains("intents.train.jsonl:3:1")
                                .contains("contents[0] with role 'assistant'"),
                        m -> assertThat(m).contains("intents.train.jsonl:4:1").contains("no turn with role model"),
                        m -> assertThat(m).contains("intents.train.jsonl:5:1").contains("contents[0] without parts"),
                        m -> assertThat(m)
                                .contains("intents.train.jsonl:6:1")
                                .contains("systemInstruction that is not a Content"),
                        m -> assertThat(m).contains("intents.train.jsonl:7:").contains("malformed JSON"));
    }

    @Test
    void gsUrisArePassedThroughUnchecked() throws IOException {
        EngineDiscoveryResults results =
                discover(TUNE_BLOCK.replace("intents.train.jsonl", "gs://my-bucket/data/train.jsonl"), Map.of());
        assertThat(messages(results)).isEmpty();
        assertThat(tests(results)).hasSize(14);
    }

    @Test
    void anInvalidTunegateCheckpointsIsAnError() throws IOException {
        assertThat(discover(TUNE_BLOCK, Map.of("tunegate.checkpoints", "every one"))
                        .getDiscoveryIssues())
                .anySatisfy(issue -> {
                    assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR);
                    assertThat(issue.message())
                            .contains("tunegate.checkpoints")
                            .contains("every one")
                            .contains("all, default, last or a comma-separated list of checkpoint ids");
                });
    }
}
