package dev.tunegate.engine.results.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.model.gate.VariantOutcome;
import dev.tunegate.engine.model.stats.PairedComparisonFormat;
import dev.tunegate.engine.model.stats.PairedComparisonFormat.Output;
import dev.tunegate.engine.model.stats.TokenUsage;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Writes {@code compare.html}: one self-contained page (inline CSS, SVG and a little JS, no network)
 * with pass-rate charts per variant and per tag, latency distributions, and the case &times; variant
 * matrix with answers, matcher results and filters. Every user-supplied text is HTML-escaped by
 * Mustache. The page is streamed to the writer: suites and matrix rows are built one at a time as
 * the template reaches them, never the whole page model at once.
 */
final class CompareHtml {

    private static final Mustache TEMPLATE =
            new DefaultMustacheFactory("dev/tunegate/engine/results/report").compile("compare.html.mustache");
    /** Most rows of the case &times; variant matrix per suite (see {@link #shownRows}); summary.json has every case. */
    static final int MAX_ROWS = 2000;

    private static final int BAR_WIDTH = 320;
    /** Narrowest label column left of the bars. */
    private static final int MIN_BAR_X = 130;
    /** Space between a bar and the label right of it. */
    private static final int GAP = 8;

    private static final int ROW = 24;
    /**
     * Width reserved per character of a 12px chart label: more than any common sans-serif font needs
     * for digits and lower-case letters (about 7px), so a label fits the box sized from its text.
     */
    static final double CHAR_PX = 7.5;

    private CompareHtml() {}

    /** Writes the page; the writer is left open. */
    static void write(RunResult run, Writer out) throws IOException {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("runId", run.runId());
        page.put("finishedAt", run.finishedAt().toString());
        page.put("commit", run.commit());
        page.put("passed", run.passed());
        page.put("title", GateCount.of(run).title());
        page.put("dashboard", dashboard(run));
        List<SuiteResult> suites = run.suites();
        page.put("suites", lazily(IntStream.range(0, suites.size()).boxed().toList(), i -> suite(suites.get(i), i)));
        try {
            TEMPLATE.execute(out, page);
        } catch (MustacheException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** A section Mustache iterates once, building each element when it gets there. */
    private static <S> Iterable<Map<String, Object>> lazily(List<S> source, Function<S, Map<String, Object>> build) {
        return () -> source.stream().map(build).iterator();
    }

    /**
     * The x where the bars start: right of the longest label left of them (variant and role, a tag
     * chart's indented variant), at least {@link #MIN_BAR_X}.
     */
    private static int barX(SuiteResult suite) {
        int longest = 0;
        for (VariantInfo v : suite.variants()) {
            longest = Math.max(longest, leftLabel(v).length());
            longest = Math.max(longest, v.name().length() + 2); // tag charts indent their labels by 10px
        }
        return Math.max(MIN_BAR_X, textWidth(longest) + GAP);
    }

    private static String leftLabel(VariantInfo v) {
        return v.name() + " (" + v.role().yamlName() + ")";
    }

    /** Pixels reserved for {@code chars} characters of a chart label. */
    static int textWidth(int chars) {
        return (int) Math.ceil(chars * CHAR_PX);
    }

    /** A chart's width: its bars and the longest label right of them. */
    private static int chartWidth(int barX, List<Map<String, Object>> rows, String rightLabel) {
        int longest = rows.stream()
                .mapToInt(r -> String.valueOf(r.get(rightLabel)).length())
                .max()
                .orElse(0);
        return barX + BAR_WIDTH + GAP + textWidth(longest) + GAP;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> suite(SuiteResult suite, int index) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("index", index);
        model.put("name", suite.name());
        model.put("location", suite.location());
        model.put("mode", suite.gated() ? "gate" : "strict");
        List<VariantStats> stats = VariantStats.of(suite);
        int barX = barX(suite);
        model.put("barX", barX);
        model.put("rightX", barX + BAR_WIDTH + GAP);
        List<Map<String, Object>> variants =
                stats.stream().map(s -> variant(s, barX)).toList();
        stack(variants, 0);
        model.put("variants", variants);
        model.put("variantsHeight", variants.size() * ROW + 4);
        model.put("variantsWidth", chartWidth(barX, variants, "rightLabel"));
        model.put(
                "verdicts", suite.verdicts().stream().map(CompareHtml::verdict).toList());
        model.put("sweeps", suite.sweeps().stream().map(CheckpointChart::of).toList());
        Set<String> tags = new LinkedHashSet<>();
        List<Map<String, Object>> tagCharts = tagCharts(suite, tags, barX);
        model.put("tagCharts", tagCharts);
        model.put(
                "tagsWidth",
                Math.max(
                        chartWidth(
                                barX,
                                tagCharts.stream()
                                        .flatMap(t -> ((List<Map<String, Object>>) t.get("bars")).stream())
                                        .toList(),
                                "rightLabel"),
                        tagCharts.stream()
                                        .mapToInt(t -> textWidth(
                                                String.valueOf(t.get("header")).length()))
                                        .max()
                                        .orElse(0)
                                + GAP));
        model.put("hasTags", !tagCharts.isEmpty());
        model.put(
                "tagsHeight",
                tagCharts.stream().mapToInt(t -> (Integer) t.get("height")).sum() + 4);
        List<Map<String, Object>> latency = latency(stats, barX);
        stack(latency, 0);
        model.put("latency", latency);
        model.put("latencyHeight", latency.size() * ROW + 4);
        model.put("latencyWidth", chartWidth(barX, latency, "rightLabel"));
        List<Map<String, Object>> usage = usage(suite);
        model.put("usage", usage);
        model.put("hasUsage", !usage.isEmpty());
        if (!usage.isEmpty()) {
            model.put(
                    "usageTotal",
                    usageRow(
                            "suite",
                            total(suite),
                            VariantUsage.suiteCost(suite.usage().values())));
        }
        model.put(
                "frozen",
                suite.variants().stream()
                        .filter(VariantInfo::frozen)
                        .map(v -> Map.of(
                                "name",
                                v.name(),
                                "recorded",
                                v.recorded() == null ? "recording times unknown" : SummaryMarkdown.recorded(v)))
                        .toList());
        List<Map<String, Object>> streaming = streaming(suite);
        model.put("streaming", streaming);
        model.put("hasStreaming", !streaming.isEmpty());
        Set<String> regressions = new HashSet<>();
        suite.verdicts().forEach(v -> regressions.addAll(v.regressions()));
        model.put("tags", List.copyOf(tags));
        model.put(
                "columns",
                suite.variants().stream()
                        .map(v -> Map.of("name", v.name(), "role", v.role().yamlName(), "model", v.model()))
                        .toList());
        List<Integer> shown = shownRows(suite, regressions);
        if (shown.size() < suite.cases().size()) {
            model.put(
                    "capped",
                    Map.of("shown", shown.size(), "total", suite.cases().size()));
        }
        model.put("rows", lazily(shown, i -> {
            CaseResult c = suite.cases().get(i);
            return row(suite, c, regressions.contains(c.id()));
        }));
        return model;
    }

    /**
     * The cases the matrix shows, by index in file order: all of them up to {@link #MAX_ROWS};
     * beyond that the regressions first, then the other cases that failed or errored on a variant,
     * then passing ones, each group in file order, until {@link #MAX_ROWS}.
     */
    private static List<Integer> shownRows(SuiteResult suite, Set<String> regressions) {
        List<CaseResult> cases = suite.cases();
        if (cases.size() <= MAX_ROWS) {
            return IntStream.range(0, cases.size()).boxed().toList();
        }
        BitSet[] groups = {new BitSet(), new BitSet(), new BitSet()};
        for (int i = 0; i < cases.size(); i++) {
            CaseResult c = cases.get(i);
            boolean failed =
                    c.byVariant().values().stream().anyMatch(r -> r.status().notPassed());
            groups[regressions.contains(c.id()) ? 0 : failed ? 1 : 2].set(i);
        }
        BitSet shown = new BitSet();
        int count = 0;
        for (BitSet group : groups) {
            for (int i = group.nextSetBit(0); i >= 0 && count < MAX_ROWS; i = group.nextSetBit(i + 1)) {
                shown.set(i);
                count++;
            }
        }
        return shown.stream().boxed().toList();
    }

    private static Map<String, Object> variant(VariantStats s, int barX) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", leftLabel(s.variant()));
        m.put("name", s.variant().name());
        m.put("role", s.variant().role().yamlName());
        m.put("model", s.variant().model());
        m.put("rate", pct(s.passRate().rate()));
        m.put("lower", pct(s.passRate().interval().lower()));
        m.put("upper", pct(s.passRate().interval().upper()));
        m.put("passes", s.passRate().passes());
        m.put("total", s.passRate().total());
        m.put("barWidth", px(s.passRate().rate()));
        m.put("ciX1abs", barX + px(s.passRate().interval().lower()));
        m.put("ciX2abs", barX + px(s.passRate().interval().upper()));
        m.put("flaky", s.flaky().size());
        m.put(
                "rightLabel",
                pct(s.passRate().rate()) + " (" + s.passRate().passes() + "/"
                        + s.passRate().total() + ")");
        return m;
    }

    private static Map<String, Object> verdict(GateVerdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("candidate", v.candidate());
        m.put("baseline", v.baseline());
        m.put("passed", v.passed());
        m.put("rulesHtml", GateRulesHtml.table(v));
        m.put("regressions", String.join(", ", v.regressions()));
        m.put("improvements", String.join(", ", v.improvements()));
        if (v.comparison() != null) {
            m.put("paired", PairedComparisonFormat.sentence(v.comparison(), Output.HTML));
        }
        return m;
    }

    /**
     * One row per gate (suite and candidate): verdict, candidate and baseline pass rates with their
     * intervals, regressions and failed rules; failed gates first, each group in run order.
     */
    private static List<Map<String, Object>> dashboard(RunResult run) {
        List<Map<String, Object>> failed = new ArrayList<>();
        List<Map<String, Object>> passed = new ArrayList<>();
        for (int i = 0; i < run.suites().size(); i++) {
            SuiteResult suite = run.suites().get(i);
            for (GateVerdict v : suite.verdicts()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", i);
                m.put("suite", suite.name());
                m.put("passed", v.passed());
                m.put("candidate", v.candidate());
                m.put("baseline", v.baseline());
                m.put("candidateRate", rateWithInterval(v.candidateRate()));
                m.put("baselineRate", v.baselineRate() == null ? null : rateWithInterval(v.baselineRate()));
                m.put(
                        "regressionCount",
                        v.comparison() == null
                                ? null
                                : String.valueOf(v.regressions().size()));
                m.put("regressions", String.join(", ", v.regressions()));
                List<String> failedRules = v.checks().stream()
                        .filter(c -> !c.passed())
                        .map(c -> c.name())
                        .toList();
                m.put("failedRules", failedRules.isEmpty() ? null : String.join(", ", failedRules));
                (v.passed() ? passed : failed).add(m);
            }
        }
        failed.addAll(passed);
        return failed;
    }

    static String rateWithInterval(dev.tunegate.engine.model.stats.PassRate rate) {
        return pct(rate.rate()) + " (" + rate.passes() + "/" + rate.total() + ", CI "
                + pct(rate.interval().lower()) + "–" + pct(rate.interval().upper()) + ")";
    }

    /** Pass rate per tag and variant, counted in one pass over the cases; adds every tag to {@code tags}. */
    private static List<Map<String, Object>> tagCharts(SuiteResult suite, Set<String> tags, int barX) {
        List<VariantInfo> variants = suite.variants();
        // per tag: [cases, then ran and passed per variant]
        Map<String, int[]> byTag = new LinkedHashMap<>();
        for (CaseResult c : suite.cases()) {
            for (String tag : c.tags()) {
                int[] counts = byTag.computeIfAbsent(tag, t -> new int[1 + 2 * variants.size()]);
                counts[0]++;
                for (int v = 0; v < variants.size(); v++) {
                    VariantResult r = c.byVariant().get(variants.get(v).name());
                    VariantOutcome outcome = r == null ? null : r.outcome();
                    if (outcome != null) {
                        counts[1 + 2 * v]++;
                        counts[2 + 2 * v] += outcome.passed() ? 1 : 0;
                    }
                }
            }
        }
        tags.addAll(byTag.keySet());
        List<Map<String, Object>> charts = new ArrayList<>();
        int[] top = {0};
        byTag.forEach((tag, counts) -> {
            List<Map<String, Object>> bars = new ArrayList<>();
            for (int i = 0; i < variants.size(); i++) {
                VariantInfo v = variants.get(i);
                int ran = counts[1 + 2 * i];
                int passed = counts[2 + 2 * i];
                double rate = ran == 0 ? 0 : (double) passed / ran;
                bars.add(new LinkedHashMap<>(Map.of(
                        "variant",
                        v.name(),
                        "rate",
                        pct(rate),
                        "barWidth",
                        px(rate),
                        "passes",
                        passed,
                        "total",
                        ran,
                        "tag",
                        tag,
                        "rightLabel",
                        pct(rate) + " (" + passed + "/" + ran + ")")));
            }
            for (int i = 0; i < bars.size(); i++) {
                bars.get(i).put("y", top[0] + 20 + i * 20);
            }
            int height = 20 + bars.size() * 20 + 8;
            charts.add(Map.of(
                    "header",
                    tag + " (" + counts[0] + " cases)",
                    "bars",
                    bars,
                    "labelY",
                    top[0] + 15,
                    "height",
                    height));
            top[0] += height;
        });
        return charts;
    }

    private static List<Map<String, Object>> latency(List<VariantStats> stats, int barX) {
        long max = Math.max(
                1,
                stats.stream()
                        .filter(s -> s.latencies().length > 0)
                        .mapToLong(s -> s.latencies()[s.latencies().length - 1])
                        .max()
                        .orElse(1));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VariantStats s : stats) {
            long[] sorted = s.latencies();
            if (sorted.length == 0) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", s.variant().name());
            m.put("count", sorted.length);
            long min = sorted[0];
            long p25 = quantile(sorted, 0.25);
            long p50 = quantile(sorted, 0.50);
            long p75 = quantile(sorted, 0.75);
            long p90 = quantile(sorted, 0.90);
            long top = sorted[sorted.length - 1];
            m.put("min", min);
            m.put("p50", p50);
            m.put("p90", p90);
            m.put("max", top);
            m.put("xMinAbs", barX + scale(min, max));
            m.put("xMaxAbs", barX + scale(top, max));
            m.put("x25Abs", barX + scale(p25, max));
            m.put("boxWidth", Math.max(1, scale(p75, max) - scale(p25, max)));
            m.put("x50Abs", barX + scale(p50, max));
            m.put("x90Abs", barX + scale(p90, max));
            m.put("rightLabel", "p50 " + p50 + " · p90 " + p90 + " · max " + top + " (n=" + sorted.length + ")");
            rows.add(m);
        }
        return rows;
    }

    /**
     * Per variant, over its streamed samples that the reports keep (every sample of a detailed case):
     * the time to the first chunk and the output tokens per second after it; empty without streaming.
     */
    /** Tokens (prompt, output, thinking and judge apart) and estimated cost per variant, in the suite's order. */
    private static List<Map<String, Object>> usage(SuiteResult suite) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VariantInfo v : suite.variants()) {
            VariantUsage u = suite.usage().get(v.name());
            if (u != null) {
                rows.add(usageRow(v.name(), u, u.costUsd()));
            }
        }
        return rows;
    }

    private static VariantUsage total(SuiteResult suite) {
        VariantUsage total = new VariantUsage(TokenUsage.NONE, TokenUsage.NONE, 0.0);
        for (VariantUsage u : suite.usage().values()) {
            total = total.plus(u);
        }
        return total;
    }

    private static Map<String, Object> usageRow(String variant, VariantUsage u, Double cost) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", variant);
        m.put("calls", String.format(Locale.ROOT, "%,d", u.model().calls()));
        m.put("prompt", String.format(Locale.ROOT, "%,d", u.model().prompt()));
        m.put("output", String.format(Locale.ROOT, "%,d", u.model().output()));
        m.put("thinking", String.format(Locale.ROOT, "%,d", u.model().thinking()));
        m.put("judge", String.format(Locale.ROOT, "%,d", u.judge().total()));
        m.put("cost", cost == null ? "no price" : String.format(Locale.ROOT, "$%.4f", cost));
        return m;
    }

    private static List<Map<String, Object>> streaming(SuiteResult suite) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VariantInfo v : suite.variants()) {
            List<Long> firstChunks = new ArrayList<>();
            List<Double> speeds = new ArrayList<>();
            for (CaseResult c : suite.cases()) {
                VariantResult r = c.byVariant().get(v.name());
                if (r == null) {
                    continue;
                }
                for (SampleResult sample : r.samples()) {
                    if (sample.firstChunkMillis() != null) {
                        firstChunks.add(sample.firstChunkMillis());
                    }
                    if (sample.tokensPerSecond() != null) {
                        speeds.add(sample.tokensPerSecond());
                    }
                }
            }
            if (firstChunks.isEmpty()) {
                continue;
            }
            long[] sorted =
                    firstChunks.stream().mapToLong(Long::longValue).sorted().toArray();
            double[] speedSorted =
                    speeds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", v.name());
            m.put("count", sorted.length);
            m.put("p50", quantile(sorted, 0.5));
            m.put("p90", quantile(sorted, 0.9));
            m.put("max", sorted[sorted.length - 1]);
            m.put(
                    "speed",
                    speedSorted.length == 0
                            ? "—"
                            : String.format(
                                    Locale.ROOT,
                                    "%.0f",
                                    speedSorted[Math.max(0, (int) Math.ceil(0.5 * speedSorted.length) - 1)]));
            rows.add(m);
        }
        return rows;
    }

    private static Map<String, Object> row(SuiteResult suite, CaseResult c, boolean regression) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("line", c.line() > 0 ? c.line() : null);
        m.put("prompt", c.prompt());
        m.put("tags", c.tags());
        m.put("tagAttr", " " + String.join(" ", c.tags()) + " ");
        m.put("regression", regression);
        // "failures only": a candidate failed (or errored) on the case; a regression is one of those
        boolean candidateFailed = regression;
        List<Map<String, Object>> cells = new ArrayList<>();
        for (VariantInfo v : suite.variants()) {
            VariantResult r = c.byVariant().get(v.name());
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("variant", v.name());
            if (r == null) {
                cell.put("status", Outcome.SKIPPED.label());
                cells.add(cell);
                continue;
            }
            Outcome status = r.status();
            candidateFailed |= v.role() == dev.tunegate.engine.model.gate.Role.CANDIDATE && status.notPassed();
            cell.put("status", status.label());
            cell.put("skipped", r.skipped());
            if (r.samples().size() > 1) {
                cell.put(
                        "fraction",
                        r.passes() + "/" + r.samples().size()
                                + (r.outcome().stats().flaky() ? " flaky" : ""));
            }
            List<Map<String, Object>> samples = new ArrayList<>();
            int n = 0;
            for (SampleResult s : r.samples()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("n", ++n);
                sm.put("many", r.samples().size() > 1);
                sm.put("answer", s.answer());
                sm.put("error", s.error());
                sm.put("latency", s.latencyMillis());
                sm.put("tokens", s.totalTokens());
                sm.put("firstChunk", s.firstChunkMillis());
                Double speed = s.tokensPerSecond();
                sm.put("tokensPerSecond", speed == null ? null : String.format(Locale.ROOT, "%.0f", speed));
                sm.put("retries", s.retries() > 0 ? s.retries() : null);
                sm.put("finishReason", s.finishReason());
                sm.put(
                        "matchers",
                        s.matchers().stream()
                                .map(mr -> {
                                    Map<String, Object> mm = new LinkedHashMap<>();
                                    mm.put("passed", mr.passed());
                                    mm.put("description", mr.description());
                                    mm.put("message", mr.message());
                                    mm.put("judgement", mr.judgement());
                                    return mm;
                                })
                                .toList());
                samples.add(sm);
            }
            cell.put("samples", samples);
            cells.add(cell);
        }
        m.put("failed", candidateFailed);
        m.put("cells", cells);
        return m;
    }

    /** Gives each chart row its vertical offset. */
    private static void stack(List<Map<String, Object>> rows, int top) {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put("y", top + i * ROW);
        }
    }

    private static long quantile(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long scale(long value, long max) {
        return Math.round((double) value * BAR_WIDTH / max);
    }

    private static long px(double rate) {
        return Math.round(rate * BAR_WIDTH);
    }

    static String pct(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }
}
