package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two shards of the example suites, run separately on the same recorded answers, merge into the
 * reports of the unsharded run: the same verdicts, counts, intervals and p-values in summary.json, and
 * every Allure result once.
 */
class MergeCommandTest {
    private static final String SUITES = "../../example-suites/src/test/resources/suites";
    private static final String CASSETTES = "../../example-suites/src/test/resources/cassettes";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Cli.Result run(Path reports, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run", "--no-progress", "--mode", "replay", "--cassettes", CASSETTES, "--reports", reports.toString()));
        args.addAll(List.of(extra));
        args.add(SUITES);
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void twoShardsMergeIntoTheSummaryAndAllureResultsOfTheUnshardedRun() throws IOException {
        Path whole = dir.resolve("whole");
        Path one = dir.resolve("shard-1");
        Path two = dir.resolve("shard-2");
        Path merged = dir.resolve("merged");
        Cli.Result unsharded = run(whole);
        assertThat(unsharded.exitCode()).as(unsharded.toString()).isZero();
        Cli.Result first = run(one, "-Dtunegate.shard=1/2");
        Cli.Result second = run(two, "-Dtunegate.shard=2/2");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();

        Cli.Result merge = Cli.run("merge", one.toString(), two.toString(), "--reports", merged.toString());

        assertThat(merge.exitCode()).as(merge.toString()).isZero();
        assertThat(merge.out())
                .contains("shards 1/2, 2/2")
                .containsPattern("triage-intents\\s+v2\\s+v1\\s+11/11\\s+PROMOTE");
        JsonNode shard1 = summary(one);
        JsonNode shard2 = summary(two);
        int cases = caseCount(summary(whole));
        assertThat(caseCount(shard1)).as("shard 1 runs part of the cases").isBetween(1, cases - 1);
        assertThat(caseCount(shard1) + caseCount(shard2)).isEqualTo(cases);
        assertThat(shard1.get("shard").asText()).isEqualTo("1/2");
        Map<String, Double> wholeCosts = costs(summary(whole));
        Map<String, Double> mergedCosts = costs(summary(merged));
        assertThat(mergedCosts).containsOnlyKeys(wholeCosts.keySet());
        wholeCosts.forEach((variant, cost) -> assertThat(mergedCosts.get(variant))
                .as("cost of " + variant + ": the shards' costs add up (to floating-point rounding)")
                .isCloseTo(cost, org.assertj.core.data.Offset.offset(1e-12)));
        assertThat(comparable(summary(merged)))
                .as("merged summary.json equals the unsharded one (but for run id, times, shard fields and"
                        + " the sum of costs)")
                .isEqualTo(comparable(summary(whole)));
        assertThat(Files.readString(merged.resolve("tunegate/summary.md"))).contains("Gate passed");
        Schema schema = schema();
        assertThat(schema.validate(shard1))
                .as("a shard's summary follows the schema")
                .isEmpty();
        assertThat(schema.validate(summary(merged)))
                .as("the merged summary follows the schema")
                .isEmpty();

        List<String> wholeResults = historyIds(whole.resolve("allure-results"));
        List<String> mergedResults = historyIds(merged.resolve("allure-results"));
        assertThat(mergedResults).as("every result once").doesNotHaveDuplicates();
        assertThat(mergedResults).containsExactlyInAnyOrderElementsOf(wholeResults);
    }

    @Test
    void mergingAShardTwiceOrAnUnshardedSummaryIsAUsageError() {
        Path whole = dir.resolve("whole");
        Path one = dir.resolve("shard-1");
        assertThat(run(whole).exitCode()).isZero();
        assertThat(run(one, "-Dtunegate.shard=1/2").exitCode()).isZero();

        Cli.Result twice = Cli.run(
                "merge",
                one.toString(),
                one.toString(),
                "--reports",
                dir.resolve("m1").toString());
        Cli.Result unsharded = Cli.run(
                "merge",
                whole.toString(),
                one.toString(),
                "--reports",
                dir.resolve("m2").toString());

        assertThat(twice.exitCode()).as(twice.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(twice.err()).contains("shard 1/2 is given twice");
        assertThat(unsharded.exitCode()).as(unsharded.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(unsharded.err()).contains("only summaries of shards (tunegate.shard=i/n) can be merged");
    }

    @Test
    void aShardWithoutCasesStillWritesItsSummaryAndAMissingShardMakesTheMergeIncomplete() throws IOException {
        Path suites = dir.resolve("suites");
        Files.createDirectories(suites);
        Files.copy(
                Path.of("src/test/resources/suites/passing/greetings.eval.yaml"),
                suites.resolve("greetings.eval.yaml"));
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 6; i++) { // 2 cases in 6 shards: at least 4 shards have no case
            Path shard = dir.resolve("s" + i);
            Cli.Result result = Cli.run(
                    "run",
                    "--no-progress",
                    "--reports",
                    shard.toString(),
                    "-Dtunegate.shard=" + i + "/6",
                    suites.toString());
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(shard.resolve("tunegate/summary.json"))
                    .as("shard %d/6's summary", i)
                    .isRegularFile();
            shards.add(shard);
        }

        List<String> all =
                new ArrayList<>(List.of("merge", "--reports", dir.resolve("all").toString()));
        shards.forEach(p -> all.add(p.toString()));
        Cli.Result complete = Cli.run(all.toArray(String[]::new));
        List<String> five = new ArrayList<>(
                List.of("merge", "--reports", dir.resolve("five").toString()));
        shards.subList(0, 5).forEach(p -> five.add(p.toString()));
        Cli.Result partial = Cli.run(five.toArray(String[]::new));

        assertThat(complete.exitCode()).as(complete.toString()).isZero();
        assertThat(JSON.readTree(dir.resolve("all/tunegate/summary.json").toFile())
                        .has("complete"))
                .as("complete is written only when false")
                .isFalse();
        assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(partial.out()).contains("Missing shards: 6/6");
        JsonNode summary =
                JSON.readTree(dir.resolve("five/tunegate/summary.json").toFile());
        assertThat(summary.path("complete").asBoolean())
                .as("a merge without shard 6/6 is not complete")
                .isFalse();
        assertThat(summary.path("incomplete").asText()).contains("shard 6/6 not merged");
    }

    private static Schema schema() throws IOException {
        try (InputStream in = MergeCommandTest.class.getResourceAsStream("/tunegate-summary.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(JSON.readTree(in));
        }
    }

    private static JsonNode summary(Path reports) throws IOException {
        return JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
    }

    private static int caseCount(JsonNode summary) {
        int n = 0;
        for (JsonNode suite : summary.get("suites")) {
            n += suite.get("cases").size();
        }
        return n;
    }

    /** Each variant's estimated cost by suite/variant. */
    private static Map<String, Double> costs(JsonNode summary) {
        Map<String, Double> costs = new TreeMap<>();
        for (JsonNode suite : summary.get("suites")) {
            for (JsonNode variant : suite.get("variants")) {
                costs.put(
                        suite.get("name").asText() + "/" + variant.get("name").asText(),
                        variant.at("/usage/costUsd").asDouble());
            }
        }
        return costs;
    }

    /** The summary without what differs between runs of the same answers, the shard-only fields and costs. */
    private static JsonNode comparable(JsonNode summary) {
        ObjectNode copy = summary.deepCopy();
        copy.remove(List.of("runId", "startedAt", "finishedAt", "shard"));
        for (JsonNode suite : copy.get("suites")) {
            for (JsonNode variant : suite.get("variants")) {
                if (variant.has("usage")) {
                    ((ObjectNode) variant.get("usage")).remove("costUsd");
                }
            }
            ((ObjectNode) suite).remove("gate");
            for (JsonNode c : suite.get("cases")) {
                ((ObjectNode) c).remove("index");
            }
        }
        return copy;
    }

    private static List<String> historyIds(Path allureResults) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(allureResults)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                ids.add(JSON.readTree(file.toFile()).get("historyId").asText());
            }
        }
        return ids;
    }
}
