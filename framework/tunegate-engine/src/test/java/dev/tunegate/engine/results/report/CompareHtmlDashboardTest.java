package dev.tunegate.engine.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunegate.engine.model.gate.Role;
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

/**
 * compare.html's dashboard, its rules tables, its chart labels and its icons, read from the page as
 * written.
 */
class CompareHtmlDashboardTest {

    /**
     * A generous width of one character of the 12px chart labels: digits and lower-case letters of
     * common sans-serif fonts (DejaVu Sans, Liberation Sans, Segoe UI, Helvetica) are 7px wide or less.
     */
    private static final double MEASURED_CHAR_PX = 7.2;

    @TempDir
    Path reports;

    private Document write(RunResult run) throws Exception {
        ReportWriter writer = new ReportWriter(reports, Map.of());
        writer.write(run);
        return Jsoup.parse(Files.readString(writer.directory().resolve("compare.html")));
    }

    /** The two-suite fixture plus the passing suite: three gates, two failed. */
    private static RunResult threeGates() {
        RunResult two = ReportFixtures.twoSuitesOneStrictWithoutCommit();
        List<SuiteResult> suites = new ArrayList<>();
        suites.add(ReportFixtures.passingGateAtItsLimits().suites().get(0));
        suites.addAll(two.suites());
        return new RunResult(two.runId(), two.startedAt(), two.finishedAt(), null, suites);
    }

    @Test
    void dashboardHasOneRowPerGateFailedFirstUnderAPluralTitle() throws Exception {
        Document doc = write(threeGates());

        assertThat(doc.title()).isEqualTo("TuneGate comparison — 2 gates failed");
        assertThat(doc.selectFirst("h1 .title").text()).isEqualTo("2 gates failed");
        List<Element> rows = doc.select("table.dashboard tr.gate-row");
        assertThat(rows)
                .extracting(r -> r.attr("data-suite"))
                .as("failed gates first, then passed ones, each in run order")
                .containsExactly("support-intents", "strict-one", "general-knowledge");
        Element failed = rows.get(0);
        assertThat(failed.className()).contains("bad");
        assertThat(failed.select("td").eachText())
                .containsExactly(
                        "failed",
                        "support-intents",
                        "tuned vs base",
                        "90.9% (10/11, CI 62.3%–98.4%)",
                        "63.6% (7/11, CI 35.4%–84.8%)",
                        "1",
                        "mustPass, maxRegressions, maxRegressions[critical], nonInferiority");
        assertThat(failed.selectFirst("td.regression-count").attr("title")).isEqualTo("refund-request");
        assertThat(rows.get(1).select("td").eachText())
                .as("strict mode: no baseline")
                .containsExactly("failed", "strict-one", "only", "50.0% (2/4, CI 15.0%–85.0%)", "—", "—", "allPass");
        assertThat(rows.get(2).className()).contains("ok");
        assertThat(rows.get(2).select("td").eachText())
                .containsExactly(
                        "passed",
                        "general-knowledge",
                        "tuned vs base",
                        "50.0% (2/4, CI 15.0%–85.0%)",
                        "75.0% (3/4, CI 30.1%–95.4%)",
                        "2",
                        "none");
        assertThat(rows.get(2).selectFirst("a").attr("href")).isEqualTo("#suite-0");
    }

    @Test
    void titleIsPluralCorrect() throws Exception {
        assertThat(write(ReportFixtures.passingGateAtItsLimits()).title())
                .isEqualTo("TuneGate comparison — 1 gate passed");
        assertThat(write(ReportFixtures.improvesMostButRegressesCritical()).title())
                .isEqualTo("TuneGate comparison — 1 gate failed");
        RunResult passing = ReportFixtures.passingGateAtItsLimits();
        SuiteResult suite = passing.suites().get(0);
        RunResult twice = new RunResult(
                "run-4",
                passing.startedAt(),
                passing.finishedAt(),
                null,
                List.of(
                        suite,
                        new SuiteResult(
                                "other",
                                "classpath:/other.eval.yaml",
                                suite.contentHash(),
                                true,
                                suite.variants(),
                                suite.cases(),
                                suite.verdicts())));
        assertThat(write(twice).title()).isEqualTo("TuneGate comparison — All 2 gates passed");
    }

    @Test
    void aPassingGateShowsEveryRuleWithItsRequiredAndActualValue() throws Exception {
        Document doc = write(ReportFixtures.passingGateAtItsLimits());
        List<Element> rules = doc.select(".verdict.ok table.gate-rules tbody tr");
        assertThat(rules)
                .extracting(r -> r.select("td").eachText())
                .containsExactly(
                        List.of("minPassRate", ">= 0.500", "0.500 (2/4, 95% CI 0.150-0.850)", "ok"),
                        List.of("maxRegressions", "<= 2", "2 (a, b)", "ok"));
    }

    @Test
    void thePageUsesNoEmojiOrDingbatsWhichRenderAsEmptyBoxesWithoutAnEmojiFont() throws Exception {
        ReportWriter writer = new ReportWriter(reports, Map.of());
        writer.write(threeGates());
        String html = Files.readString(writer.directory().resolve("compare.html"));
        assertThat(html.codePoints()
                        .filter(cp -> (cp >= 0x2190 && cp <= 0x2BFF) || cp >= 0x1F000 || cp == 0xFE0F)
                        .mapToObj(Character::toString)
                        .toList())
                .as("arrows, symbols, dingbats and emoji (U+2190–U+2BFF, U+1F000 and up)")
                .isEmpty();
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("h1 svg.icon.bad")).hasSize(1);
        assertThat(doc.select("ul.matchers li.ok .mark.ok, ul.matchers li.bad .mark.bad"))
                .hasSameSizeAs(doc.select("ul.matchers li"));
    }

    @Test
    void everyChartLabelFitsItsBoxAtAGenerousCharacterWidth() throws Exception {
        // Long variant names and latencies of several seconds: "p90 3187" must not be cut to "p90 31".
        RunResult passing = ReportFixtures.passingGateAtItsLimits();
        SuiteResult suite = passing.suites().get(0);
        String longName = "support-triage-candidate-v2";
        List<VariantInfo> variants =
                List.of(suite.variants().get(0), new VariantInfo(longName, "tunedModels/x", Role.REFERENCE, null));
        List<CaseResult> cases = new ArrayList<>();
        for (CaseResult c : suite.cases()) {
            Map<String, VariantResult> byVariant = new LinkedHashMap<>();
            byVariant.put("base", c.byVariant().get("base"));
            VariantResult tuned = c.byVariant().get("tuned");
            byVariant.put(longName, new VariantResult(longName, tuned.samples(), 1.0, null));
            cases.add(
                    new CaseResult(c.id(), c.line(), List.of("a-rather-long-tag-name-for-the-chart"), null, byVariant));
        }
        Document doc = write(new RunResult(
                "run-5",
                Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T06:01:00Z"),
                null,
                List.of(new SuiteResult(
                        "labels", "file:/labels.eval.yaml", suite.contentHash(), false, variants, cases, List.of()))));

        List<Element> charts = doc.select("svg.chart-variants, svg.chart-tags, svg.chart-latency");
        assertThat(charts).hasSize(3);
        int labels = 0;
        for (Element chart : charts) {
            double width = Double.parseDouble(chart.attr("width"));
            double barX = Double.parseDouble(chart.attr("data-bar-x"));
            for (Element row : chart.select("g")) {
                for (Element text : row.select("text")) {
                    double x = Double.parseDouble(text.attr("x"));
                    double end = x + text.text().length() * MEASURED_CHAR_PX;
                    if (text.hasClass("label-left")) {
                        assertThat(end)
                                .as("'%s' ends before the bar at %s", text.text(), barX)
                                .isLessThanOrEqualTo(barX);
                    } else {
                        assertThat(x)
                                .as("'%s' starts right of the bar", text.text())
                                .isGreaterThanOrEqualTo(barX + 320);
                        assertThat(end)
                                .as("'%s' fits the chart's width %s", text.text(), width)
                                .isLessThanOrEqualTo(width);
                    }
                    labels++;
                }
            }
            for (Element head : chart.select("text.label-head")) {
                assertThat(head.text().length() * MEASURED_CHAR_PX).isLessThanOrEqualTo(width);
            }
        }
        assertThat(labels).isEqualTo(2 * 2 + 2 * 2 + 2 * 2);
        assertThat(doc.select("svg.chart-latency text.label-right").eachText())
                .contains("p50 1187 · p90 3187 · max 3187 (n=4)");
    }
}
