package dev.tunegate.engine.results.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tunegate.engine.config.Shard;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import dev.tunegate.engine.results.report.ReportFixtures;
import dev.tunegate.engine.results.report.ReportWriter;
import dev.tunegate.engine.results.report.RunResult;
import dev.tunegate.engine.results.report.VerdictBlock;
import dev.tunegate.engine.results.summary.SummaryCodec;
import dev.tunegate.engine.results.summary.SummaryDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint view of the reports: {@code summary.json} carries the recommendation CI acts on (valid against the
 * published schema, read back by the codec), or says which rule each checkpoint failed; {@code tunegate merge} of the
 * shards of a sweep recommends what the unsharded run recommends.
 */
class CheckpointSweepReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode summary(RunResult run, String name) throws IOException {
        Path reports = dir.resolve(name);
        new ReportWriter(reports, Map.of()).write(run);
        JsonNode summary =
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
        try (InputStream schema = getClass().getResourceAsStream("/tunegate-summary.schema.json")) {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                            .getSchema(JSON.readTree(schema))
                            .validate(summary))
                    .isEmpty();
        }
        return summary;
    }

    @Test
    void summaryJsonCarriesTheRecommendationForCi() throws IOException {
        JsonNode sweep = summary(ReportFixtures.checkpointSweep(), "full").at("/suites/0/checkpointSweeps/0");

        assertThat(sweep.get("best").asText()).isEqualTo("cand@3");
        JsonNode recommendation = sweep.get("recommendation");
        assertThat(recommendation.get("variant").asText()).isEqualTo("cand@2");
        assertThat(recommendation.get("tuningJob").asText())
                .isEqualTo("projects/p/locations/us-central1/tuningJobs/42");
        assertThat(recommendation.get("checkpointId").asText()).isEqualTo("2");
        assertThat(recommendation.get("epoch").asInt()).isEqualTo(2);
        assertThat(recommendation.get("endpoint").asText()).isEqualTo("projects/p/locations/us-central1/endpoints/902");
        assertThat(recommendation.get("reason").asText())
                .startsWith("cand@2 (epoch 2) is the earliest checkpoint that passes the gate");
        assertThat(sweep.has("noRecommendation")).isFalse();
        assertThat(sweep.get("checkpoints"))
                .extracting(c -> c.get("epoch").asInt())
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(sweep.at("/checkpoints/4/default").asBoolean()).isTrue();
        assertThat(sweep.at("/checkpoints/4/regressions"))
                .extracting(JsonNode::asText)
                .containsExactly("q-0", "q-1", "q-2", "q-3");
    }

    @Test
    void codecReadsTheCheckpointViewBack() throws IOException {
        summary(ReportFixtures.checkpointSweep(), "full");
        SummaryDocument document;
        try (Reader in = Files.newBufferedReader(dir.resolve("full/tunegate/summary.json"))) {
            document = SummaryCodec.read(in);
        }
        SummaryDocument.Suite suite = document.suites().get(0);
        assertThat(suite.variants().get(1).checkpoint())
                .isEqualTo(new VariantCheckpoint(
                        "cand",
                        "projects/p/locations/us-central1/tuningJobs/42",
                        "5",
                        5,
                        50,
                        "projects/p/locations/us-central1/endpoints/905",
                        true));
        assertThat(suite.checkpointSweeps().get(0).recommendation().variant()).isEqualTo("cand@2");
        assertThat(document.suites().get(0).variants().get(0).checkpoint()).isNull();
    }

    @Test
    void withoutAPassingCheckpointTheSummarySaysWhichRuleEachFailed() throws IOException {
        JsonNode sweep =
                summary(ReportFixtures.checkpointSweep(null, 0.95), "none").at("/suites/0/checkpointSweeps/0");

        assertThat(sweep.has("recommendation")).isFalse();
        assertThat(sweep.get("noRecommendation").asText())
                .startsWith("no checkpoint of 'cand' passes the gate against 'base': cand@1 failed minPassRate (0.600")
                .contains("; cand@2 failed minPassRate (0.850")
                .contains("; cand@5 failed minPassRate (0.500")
                .contains("maxRegressions (4 (q-0, q-1, q-2, q-3), required <= 2)");
        assertThat(sweep.get("checkpoints"))
                .allSatisfy(
                        c -> assertThat(c.get("failedRules").get(0).asText()).startsWith("minPassRate: "));
        assertThat(Files.readString(dir.resolve("none/tunegate/summary.md")))
                .contains("**No recommendation:** no checkpoint of 'cand' passes the gate");
    }

    @Test
    void theEndOfRunBlockNamesTheRecommendedCheckpoint() {
        assertThat(VerdictBlock.render(ReportFixtures.checkpointSweep(), null, null, null))
                .contains("  REJECT  checkpoint-sweep: candidate 'cand@5' vs baseline 'base'\n")
                .contains("\n  CHECKPOINT checkpoint-sweep: recommend 'cand@2' (epoch 2, endpoint"
                        + " projects/p/locations/us-central1/endpoints/902)\n"
                        + "    cand@2 (epoch 2) is the earliest checkpoint that passes the gate");
        assertThat(VerdictBlock.render(ReportFixtures.checkpointSweep(null, 0.95), null, null, null))
                .contains("\n  CHECKPOINT checkpoint-sweep: no checkpoint of 'cand' to recommend\n"
                        + "    no checkpoint of 'cand' passes the gate against 'base': cand@1 failed minPassRate");
    }

    @Test
    void mergedShardsRecommendWhatTheUnshardedRunRecommends() throws IOException {
        JsonNode unsharded = summary(ReportFixtures.checkpointSweep(), "full").at("/suites/0/checkpointSweeps");
        Path one = dir.resolve("shard-1");
        Path two = dir.resolve("shard-2");
        new ReportWriter(one, Map.of()).write(ReportFixtures.checkpointSweep(Shard.parse("1/2"), 0.7));
        new ReportWriter(two, Map.of()).write(ReportFixtures.checkpointSweep(Shard.parse("2/2"), 0.7));
        JsonNode shardOne = JSON.readTree(one.resolve("tunegate/summary.json").toFile());
        assertThat(shardOne.at("/suites/0/caseCount").asInt()).isBetween(1, 19);

        ShardMerge.merge(List.of(one, two), dir.resolve("merged"), Map.of());

        JsonNode merged =
                JSON.readTree(dir.resolve("merged/tunegate/summary.json").toFile());
        assertThat(merged.at("/suites/0/checkpointSweeps")).isEqualTo(unsharded);
        assertThat(merged.at("/suites/0/checkpointSweeps/0/recommendation/variant")
                        .asText())
                .isEqualTo("cand@2");
        assertThat(Files.readString(dir.resolve("merged/tunegate/summary.md")))
                .contains("**Recommendation:** `cand@2` (checkpoint 2, epoch 2");
    }
}
