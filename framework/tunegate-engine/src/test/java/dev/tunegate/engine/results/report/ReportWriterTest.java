package dev.tunegate.engine.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tunegate.engine.model.gate.GateEvaluator;
import dev.tunegate.engine.model.gate.GatePolicy;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.gate.Role;
import dev.tunegate.engine.model.gate.RoleAssignment;
import dev.tunegate.engine.model.gate.Roles;
import dev.tunegate.engine.model.gate.VariantDeclaration;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    private Path write(Map<String, String> env) {
        ReportWriter writer = new ReportWriter(reports, env);
        writer.write(ReportFixtures.improvesMostButRegressesCritical());
        return writer.directory();
    }

    private static Schema schema() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (InputStream in = ReportWriterTest.class.getResourceAsStream(SummaryJson.SCHEMA_RESOURCE)) {
            assertThat(in).as("published schema on the classpath").isNotNull();
            return registry.getSchema(JSON.readTree(in));
        }
    }

    @Test
    void summaryJsonValidatesAgainstThePublishedSchema() throws Exception {
        JsonNode summary = JSON.readTree(write(Map.of()).resolve("summary.json").toFile());
        assertThat(schema().validate(summary)).isEmpty();

        assertThat(summary.get("passed").asBoolean()).isFalse();
        assertThat(summary.get("commit").asText()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        JsonNode suite = summary.get("suites").get(0);
        assertThat(suite.get("contentHash").asText()).hasSize(64);
        assertThat(suite.get("mode").asText()).isEqualTo("gate");
        JsonNode tuned = suite.get("variants").get(1);
        assertThat(tuned.get("name").asText()).isEqualTo("tuned");
        assertThat(tuned.get("model").asText()).isEqualTo("tunedModels/support-intents-v2");
        assertThat(tuned.get("role").asText()).isEqualTo("candidate");
        assertThat(tuned.at("/passes").asInt()).isEqualTo(10);
        assertThat(tuned.at("/total").asInt()).isEqualTo(11);
        assertThat(tuned.get("passRate").asDouble()).isCloseTo(10.0 / 11, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(tuned.at("/passRateInterval/lower").asDouble())
                .isCloseTo(0.623, org.assertj.core.data.Offset.offset(0.001));
        assertThat(tuned.at("/repeats/flakyCases/0").asText()).isEqualTo("flaky-one");
        assertThat(suite.at("/variants/2/counts/skipped").asInt()).isEqualTo(1);

        JsonNode candidate = suite.get("candidates").get(0);
        assertThat(candidate.get("verdict").asText()).isEqualTo("failed");
        assertThat(candidate.get("regressions")).extracting(JsonNode::asText).containsExactly("refund-request");
        assertThat(candidate.get("improvements")).hasSize(4);
        assertThat(candidate.at("/pairedTable/regressions").asInt()).isEqualTo(1);
        assertThat(candidate.at("/pairedTable/improvements").asInt()).isEqualTo(4);
        assertThat(candidate.get("mcnemarExactPValue").asDouble()).isEqualTo(0.375);
        assertThat(candidate.get("reasons").toString()).contains("mustPass: 1 (refund-request)");

        JsonNode flaky = suite.get("cases").get(10);
        assertThat(flaky.get("id").asText()).isEqualTo("flaky-one");
        assertThat(flaky.at("/variants/tuned/passes").asInt()).isEqualTo(2);
        assertThat(flaky.at("/variants/tuned/samples").asInt()).isEqualTo(3);
        assertThat(flaky.at("/variants/tuned/flaky").asBoolean()).isTrue();
        assertThat(flaky.at("/variants/tuned/status").asText()).isEqualTo("passed");
        assertThat(flaky.at("/variants/tuned/passAtK/2").asDouble()).isEqualTo(1.0);
        assertThat(flaky.at("/variants/tuned/passHatK/2").asDouble())
                .isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(flaky.at("/variants/ref/status").asText()).isEqualTo("skipped");
    }

    @Test
    void schemaRejectsABrokenRecord() throws Exception {
        JsonNode summary = JSON.readTree(write(Map.of()).resolve("summary.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) summary).put("passed", "maybe");
        assertThat(schema().validate(summary)).isNotEmpty();
    }

    @Test
    void summaryMarkdownNamesVerdictTableAndRegressionAndIsAppendedToStepSummary() throws Exception {
        Path stepSummary = reports.resolve("step-summary.md");
        Files.writeString(stepSummary, "earlier step\n");
        String markdown = Files.readString(write(Map.of(ReportWriter.STEP_SUMMARY_ENV, stepSummary.toString()))
                .resolve("summary.md"));
        assertThat(markdown)
                .startsWith("# TuneGate: ❌ 1 gate failed")
                .contains("| tuned | candidate | `tunedModels/support-intents-v2` | 90.9% |")
                .contains("### ❌ Gate failed: `tuned` vs `base`")
                .contains("| minPassRate | >= 0.800 | 0.909 (10/11, 95% CI 0.623-0.984) | ok |")
                .contains("| mustPass | every case tagged [critical] passes | 1 (refund-request) | **FAILED** |")
                .contains("Regressions (baseline passes, candidate fails) (1): `refund-request`");
        assertThat(Files.readString(stepSummary)).isEqualTo("earlier step\n" + markdown + "\n");
    }

    @Test
    void summaryMarkdownShowsEveryRuleOfAPassingGateFlakyCasesAndPassAtK() throws Exception {
        ReportWriter writer = new ReportWriter(reports, Map.of());
        writer.write(ReportFixtures.twoSuitesOneStrictWithoutCommit());
        String markdown = Files.readString(writer.directory().resolve("summary.md"));
        assertThat(markdown)
                .startsWith("# TuneGate: ❌ 2 gates failed")
                .contains("| variant | role | model | pass rate | 95% CI | passed | failed | errors | flaky |")
                .contains(
                        "| tuned | candidate | `tunedModels/support-intents-v2` | 90.9% | 62.3–98.4% | 10 | 1 | 0 | 1 |")
                .contains("Flaky cases on `tuned` (0 < passes < samples) (1): `flaky-one`")
                .contains(
                        "| `flaky-one` | tuned | 2/3 | k=1 0.667 · k=2 1.000 · k=3 1.000 | k=1 0.667 · k=2 0.333 · k=3 0.000 | yes |")
                .contains("| `repeated` | only | 9/12 | k=1 0.750 · k=2 0.955 · k=5 1.000 · k=10 1.000 · k=12 1.000 |");

        RunResult passing = ReportFixtures.passingGateAtItsLimits();
        writer.write(passing);
        assertThat(Files.readString(writer.directory().resolve("summary.md")))
                .startsWith("# TuneGate: ✅ 1 gate passed")
                .contains("### ✅ Gate passed: `tuned` vs `base`")
                .contains("| minPassRate | >= 0.500 | 0.500 (2/4, 95% CI 0.150-0.850) | ok |")
                .contains("| maxRegressions | <= 2 | 2 (a, b) | ok |");
    }

    @Test
    void compareHtmlOfALargeSuiteShowsItsRegressionsAndFailuresFirstUpToTheRowLimit() throws Exception {
        // 2,100 cases: regressions at the end, failures of both variants in the middle, the rest pass.
        int total = CompareHtml.MAX_ROWS + 100;
        List<VariantInfo> variants = List.of(
                new VariantInfo("base", "models/a", Role.BASELINE, null),
                new VariantInfo("tuned", "models/b", Role.CANDIDATE, null));
        List<CaseResult> cases = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            boolean regression = i >= total - 10;
            boolean bothFail = i % 500 == 7;
            Map<String, VariantResult> byVariant = new LinkedHashMap<>();
            byVariant.put("base", new VariantResult("base", List.of(ReportFixtures.sample(!bothFail, 5)), 1.0, null));
            byVariant.put(
                    "tuned",
                    new VariantResult("tuned", List.of(ReportFixtures.sample(!bothFail && !regression, 5)), 1.0, null));
            cases.add(new CaseResult("case-" + i, i + 1, List.of(), null, byVariant));
        }
        GatePolicy policy = new GatePolicy(List.of("tuned"), "base", null, List.of(), null, null, null, 0.95, false);
        Roles roles = RoleAssignment.assign(
                List.of(new VariantDeclaration("base", null), new VariantDeclaration("tuned", null)), policy);
        GateVerdict verdict = GateEvaluator.evaluate(
                "large",
                policy,
                roles,
                "tuned",
                cases.stream().map(CaseResult::outcome).toList());
        RunResult run = new RunResult(
                "run-large",
                Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T06:01:00Z"),
                null,
                List.of(new SuiteResult(
                        "large", "file:/large.eval.yaml", "c".repeat(64), true, variants, cases, List.of(verdict))));
        ReportWriter writer = new ReportWriter(reports, Map.of());
        writer.write(run);

        Document doc = Jsoup.parse(writer.directory().resolve("compare.html").toFile());
        List<Integer> shown = doc.select("tr.case").stream()
                .map(r -> Integer.parseInt(r.attr("data-case").substring(5)))
                .toList();
        assertThat(shown).hasSize(CompareHtml.MAX_ROWS).isSorted();
        assertThat(shown)
                .as("every regression and every failed case")
                .contains(7, 507, 1007, 1507, 2007)
                .containsAll(java.util.stream.IntStream.range(total - 10, total)
                        .boxed()
                        .toList());
        assertThat(shown)
                .as("then passing cases in file order")
                .startsWith(0, 1, 2)
                .doesNotContain(total - 11);
        assertThat(doc.select("tr.case[data-regression=true]")).hasSize(10);
        assertThat(doc.select("p.capped").text()).startsWith("Showing 2000 of 2100 cases");
        assertThat(JSON.readTree(writer.directory().resolve("summary.json").toFile())
                        .at("/suites/0/cases"))
                .hasSize(total);
    }

    @Test
    void summaryJsonAndCompareHtmlAreWrittenWhileTheCasesAreReadNotAfter() throws Exception {
        // A CaseList builds each case when it is read; a report that built its whole document first
        // would read every case before writing a byte. Streamed, most of the output is written by
        // the time the last case is read.
        int total = 1500;
        List<VariantInfo> variants = List.of(new VariantInfo("only", "models/a", Role.CANDIDATE, null));
        java.io.StringWriter out = new java.io.StringWriter();
        int[] writtenWhenLastRead = {-1};
        CaseList cases = new CaseList(total, i -> {
            if (i == total - 1) {
                writtenWhenLastRead[0] = out.getBuffer().length();
            }
            return new CaseResult(
                    "case-" + i,
                    i + 1,
                    List.of(),
                    null,
                    Map.of("only", new VariantResult("only", List.of(ReportFixtures.sample(true, i)), 1.0, null)));
        });
        RunResult run = new RunResult(
                "run-lazy",
                Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T06:01:00Z"),
                null,
                List.of(new SuiteResult(
                        "lazy", "file:/lazy.eval.yaml", "d".repeat(64), false, variants, cases, List.of())));

        SummaryJson.write(run, out);
        assertThat(writtenWhenLastRead[0])
                .as("summary.json written before the last case was read")
                .isGreaterThan(out.getBuffer().length() / 2);
        assertThat(JSON.readTree(out.toString()).at("/suites/0/cases")).hasSize(total);

        out.getBuffer().setLength(0);
        CompareHtml.write(run, out);
        assertThat(writtenWhenLastRead[0])
                .as("compare.html written before the last row was read")
                .isGreaterThan(out.getBuffer().length() / 2);
        assertThat(Jsoup.parse(out.toString()).select("tr.case")).hasSize(total);
    }

    @Test
    void compareHtmlIsSelfContainedAndShowsEveryCase() throws Exception {
        String html = Files.readString(write(Map.of()).resolve("compare.html"));
        Document doc = Jsoup.parse(html);

        // Self-contained: no external scripts, styles, images or fonts.
        assertThat(doc.select("script[src], link, img[src], iframe")).isEmpty();
        assertThat(html).doesNotContain("http://", "https://");
        // User text is escaped: the hostile answer shows as text, never as a script element.
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("pre.answer").eachText()).contains(ReportFixtures.HOSTILE_ANSWER);

        RunResult run = ReportFixtures.improvesMostButRegressesCritical();
        SuiteResult suite = run.suites().get(0);
        List<Element> rows = doc.select("tr.case");
        assertThat(rows)
                .extracting(r -> r.attr("data-case"))
                .containsExactlyElementsOf(
                        suite.cases().stream().map(CaseResult::id).toList());
        for (CaseResult c : suite.cases()) {
            Element row = doc.selectFirst("tr.case[data-case=" + c.id() + "]");
            assertThat(row.select("td[data-variant]")).hasSize(3);
            c.byVariant().forEach((variant, result) -> {
                Element cell = row.selectFirst("td[data-variant=" + variant + "]");
                assertThat(cell.className())
                        .as(c.id() + " × " + variant)
                        .isEqualTo(result.status().label());
                assertThat(cell.select("ul.matchers li"))
                        .hasSize(result.samples().size());
            });
        }
        Element regression = doc.selectFirst("tr.case[data-case=refund-request]");
        assertThat(regression.attr("data-regression")).isEqualTo("true");
        assertThat(regression.attr("data-tags")).isEqualTo(" critical ");
        assertThat(regression.select(".badge-regression").text()).isEqualTo("regression");
        assertThat(doc.select("tr.case[data-regression=true]")).hasSize(1);
        assertThat(doc.select("tr.case[data-failed=true]"))
                .as("'candidate failures only': the candidate failed the case (the flaky case passes on it)")
                .extracting(r -> r.attr("data-case"))
                .containsExactly("refund-request");
        assertThat(doc.select("p.capped"))
                .as("no note when every case is shown")
                .isEmpty();
        assertThat(doc.select(".verdict.bad .regressions").text()).isEqualTo("refund-request");

        // Charts: one pass-rate bar per variant, per tag × variant, latency per variant that ran.
        assertThat(doc.select("svg.chart-variants g.variant-bar"))
                .extracting(e -> e.attr("data-variant"))
                .containsExactly("base", "tuned", "ref");
        assertThat(doc.select("svg.chart-tags g.tag-bar")).hasSize(3 * 2);
        assertThat(doc.select("svg.chart-latency g.latency")).hasSize(3);
        assertThat(doc.select("g.variant-bar[data-variant=tuned] text").last().text())
                .isEqualTo("90.9% (10/11)");
        // Filters.
        assertThat(doc.select("input.filter-regressions, input.filter-failures"))
                .hasSize(2);
        assertThat(doc.select("select.filter-tag option"))
                .extracting(Element::val)
                .containsExactly("", "critical", "billing");
    }
}
