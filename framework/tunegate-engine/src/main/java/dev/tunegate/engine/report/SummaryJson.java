package dev.tunegate.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.engine.gate.GateCheck;
import dev.tunegate.engine.gate.GateVerdict;
import dev.tunegate.engine.stats.Interval;
import dev.tunegate.engine.stats.PairedTable;
import dev.tunegate.engine.stats.PassRate;
import dev.tunegate.engine.stats.RepeatStats;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds {@code summary.json}, the machine-readable promotion record, as described by the published
 * schema {@code tunegate-summary.schema.json}.
 */
final class SummaryJson {

    /** Schema resource on the classpath. */
    static final String SCHEMA_RESOURCE = "/tunegate-summary.schema.json";
    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    static String render(RunResult run) {
        try {
            return MAPPER.writeValueAsString(build(run)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write summary.json", e);
        }
    }

    static ObjectNode build(RunResult run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("runId", run.runId());
        root.put("startedAt", run.startedAt().toString());
        root.put("finishedAt", run.finishedAt().toString());
        if (run.commit() == null) {
            root.putNull("commit");
        } else {
            root.put("commit", run.commit());
        }
        root.put("passed", run.passed());
        ArrayNode suites = root.putArray("suites");
        run.suites().forEach(s -> suites.add(suite(s)));
        return root;
    }

    private static ObjectNode suite(SuiteResult suite) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", suite.name());
        node.put("location", suite.location());
        node.put("contentHash", suite.contentHash());
        node.put("mode", suite.gated() ? "gate" : "strict");
        node.put("caseCount", suite.cases().size());
        ArrayNode variants = node.putArray("variants");
        for (VariantStats stats : VariantStats.of(suite)) {
            ObjectNode v = variants.addObject();
            v.put("name", stats.variant().name());
            v.put("model", stats.variant().model());
            v.put("role", stats.variant().role().yamlName());
            passRate(v, stats.passRate());
            ObjectNode counts = v.putObject("counts");
            counts.put("passed", stats.passed());
            counts.put("failed", stats.failed());
            counts.put("errors", stats.errors());
            counts.put("skipped", stats.skipped());
            ObjectNode repeats = v.putObject("repeats");
            repeats.put("samples", stats.samples());
            ArrayNode flaky = repeats.putArray("flakyCases");
            stats.flaky().forEach(flaky::add);
        }
        ArrayNode candidates = node.putArray("candidates");
        suite.verdicts().forEach(v -> candidates.add(verdict(v)));
        ArrayNode cases = node.putArray("cases");
        for (CaseResult c : suite.cases()) {
            ObjectNode cn = cases.addObject();
            cn.put("id", c.id());
            ArrayNode tags = cn.putArray("tags");
            c.tags().forEach(tags::add);
            ObjectNode byVariant = cn.putObject("variants");
            c.byVariant().forEach((name, r) -> byVariant.set(name, variantCase(r)));
        }
        return node;
    }

    private static ObjectNode variantCase(VariantResult r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("status", r.status());
        if (r.outcome() == null) {
            return node;
        }
        RepeatStats stats = r.outcome().stats();
        node.put("passes", stats.passes());
        node.put("samples", stats.samples());
        node.put("passFraction", stats.passFraction());
        node.put("flaky", stats.flaky());
        ObjectNode at = node.putObject("passAtK");
        ObjectNode hat = node.putObject("passHatK");
        for (int k : ks(stats.samples())) {
            at.put(Integer.toString(k), stats.passAtK(k));
            hat.put(Integer.toString(k), stats.passHatK(k));
        }
        return node;
    }

    /** The k reported for pass@k and pass^k: 1, 2, 5, 10 and N, as far as N allows. */
    static List<Integer> ks(int n) {
        TreeSet<Integer> ks = new TreeSet<>();
        for (int k : new int[] {1, 2, 5, 10, n}) {
            if (k <= n) {
                ks.add(k);
            }
        }
        return List.copyOf(ks);
    }

    private static ObjectNode verdict(GateVerdict v) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("candidate", v.candidate());
        if (v.baseline() == null) {
            node.putNull("baseline");
        } else {
            node.put("baseline", v.baseline());
        }
        node.put("verdict", v.passed() ? "passed" : "failed");
        ArrayNode reasons = node.putArray("reasons");
        v.reasons().forEach(reasons::add);
        ArrayNode checks = node.putArray("checks");
        for (GateCheck c : v.checks()) {
            ObjectNode cn = checks.addObject();
            cn.put("name", c.name());
            cn.put("required", c.required());
            cn.put("actual", c.actual());
            cn.put("passed", c.passed());
        }
        passRate(node, v.candidateRate());
        if (v.comparison() != null) {
            PairedTable t = v.comparison().table();
            ObjectNode table = node.putObject("pairedTable");
            table.put("bothPass", t.bothPass());
            table.put("regressions", t.regressions());
            table.put("improvements", t.improvements());
            table.put("bothFail", t.bothFail());
            node.put("mcnemarExactPValue", v.comparison().pValue());
            ObjectNode diff = node.putObject("difference");
            diff.put("estimate", t.difference());
            interval(diff, v.comparison().difference());
            diff.put("method", "Newcombe hybrid score (paired, method 10)");
        }
        ArrayNode regressions = node.putArray("regressions");
        v.regressions().forEach(regressions::add);
        ArrayNode improvements = node.putArray("improvements");
        v.improvements().forEach(improvements::add);
        return node;
    }

    /** {@code passRate} (point estimate), {@code passes}, {@code total} and the Wilson {@code passRateInterval}. */
    private static void passRate(ObjectNode node, PassRate rate) {
        node.put("passRate", rate.rate());
        node.put("passes", rate.passes());
        node.put("total", rate.total());
        interval(node.putObject("passRateInterval"), rate.interval());
    }

    private static void interval(ObjectNode node, Interval interval) {
        node.put("lower", interval.lower());
        node.put("upper", interval.upper());
        node.put("confidence", interval.confidence());
    }
}
