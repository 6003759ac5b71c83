package dev.tunegate.engine.results.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.tunegate.engine.model.gate.GateCheck;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.stats.Interval;
import dev.tunegate.engine.model.stats.PairedTable;
import dev.tunegate.engine.model.stats.PassRate;
import dev.tunegate.engine.model.stats.RepeatStats;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes {@code summary.json}, the machine-readable promotion record, as described by the published
 * schema {@code tunegate-summary.schema.json}. It is streamed to the writer case by case, so a run of
 * any size needs no more memory than one case.
 */
final class SummaryJson {

    /** Schema resource on the classpath. */
    static final String SCHEMA_RESOURCE = "/tunegate-summary.schema.json";

    static final int SCHEMA_VERSION = 1;

    private static final JsonFactory FACTORY =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private SummaryJson() {}

    /** Writes the record, pretty-printed and ending with a newline; the writer is left open. */
    static void write(RunResult run, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("runId", run.runId());
            g.writeStringField("startedAt", run.startedAt().toString());
            g.writeStringField("finishedAt", run.finishedAt().toString());
            g.writeStringField("commit", run.commit());
            g.writeBooleanField("passed", run.passed());
            g.writeArrayFieldStart("suites");
            for (SuiteResult s : run.suites()) {
                suite(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
    }

    private static void suite(JsonGenerator g, SuiteResult suite) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", suite.name());
        g.writeStringField("location", suite.location());
        g.writeStringField("contentHash", suite.contentHash());
        g.writeStringField("mode", suite.gated() ? "gate" : "strict");
        g.writeNumberField("caseCount", suite.cases().size());
        g.writeArrayFieldStart("variants");
        for (VariantStats stats : VariantStats.of(suite)) {
            g.writeStartObject();
            g.writeStringField("name", stats.variant().name());
            g.writeStringField("model", stats.variant().model());
            g.writeStringField("role", stats.variant().role().yamlName());
            passRate(g, stats.passRate());
            g.writeObjectFieldStart("counts");
            g.writeNumberField("passed", stats.passed());
            g.writeNumberField("failed", stats.failed());
            g.writeNumberField("errors", stats.errors());
            g.writeNumberField("skipped", stats.skipped());
            g.writeEndObject();
            g.writeObjectFieldStart("repeats");
            g.writeNumberField("samples", stats.samples());
            strings(g, "flakyCases", stats.flaky());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("candidates");
        for (GateVerdict v : suite.verdicts()) {
            verdict(g, v);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("cases");
        for (CaseResult c : suite.cases()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            strings(g, "tags", c.tags());
            g.writeObjectFieldStart("variants");
            for (var e : c.byVariant().entrySet()) {
                g.writeFieldName(e.getKey());
                variantCase(g, e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void variantCase(JsonGenerator g, VariantResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("status", r.status());
        if (r.outcome() != null) {
            RepeatStats stats = r.outcome().stats();
            g.writeNumberField("passes", stats.passes());
            g.writeNumberField("samples", stats.samples());
            g.writeNumberField("passFraction", stats.passFraction());
            g.writeBooleanField("flaky", stats.flaky());
            List<Integer> ks = ks(stats.samples());
            g.writeObjectFieldStart("passAtK");
            for (int k : ks) {
                g.writeNumberField(Integer.toString(k), stats.passAtK(k));
            }
            g.writeEndObject();
            g.writeObjectFieldStart("passHatK");
            for (int k : ks) {
                g.writeNumberField(Integer.toString(k), stats.passHatK(k));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
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

    private static void verdict(JsonGenerator g, GateVerdict v) throws IOException {
        g.writeStartObject();
        g.writeStringField("candidate", v.candidate());
        g.writeStringField("baseline", v.baseline());
        g.writeStringField("verdict", v.passed() ? "passed" : "failed");
        g.writeBooleanField("subset", v.subset());
        g.writeNumberField("judgedCases", v.judgedCases());
        g.writeNumberField("suiteCases", v.suiteCases());
        strings(g, "reasons", v.reasons());
        g.writeArrayFieldStart("checks");
        for (GateCheck c : v.checks()) {
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeStringField("required", c.required());
            g.writeStringField("actual", c.actual());
            g.writeBooleanField("passed", c.passed());
            g.writeEndObject();
        }
        g.writeEndArray();
        passRate(g, v.candidateRate());
        if (v.comparison() != null) {
            PairedTable t = v.comparison().table();
            g.writeObjectFieldStart("pairedTable");
            g.writeNumberField("bothPass", t.bothPass());
            g.writeNumberField("regressions", t.regressions());
            g.writeNumberField("improvements", t.improvements());
            g.writeNumberField("bothFail", t.bothFail());
            g.writeEndObject();
            g.writeNumberField("mcnemarExactPValue", v.comparison().pValue());
            g.writeObjectFieldStart("difference");
            g.writeNumberField("estimate", t.difference());
            interval(g, v.comparison().difference());
            g.writeStringField("method", "Newcombe hybrid score (paired, method 10)");
            g.writeEndObject();
        }
        strings(g, "regressions", v.regressions());
        strings(g, "improvements", v.improvements());
        g.writeEndObject();
    }

    /** {@code passRate} (point estimate), {@code passes}, {@code total} and the Wilson {@code passRateInterval}. */
    private static void passRate(JsonGenerator g, PassRate rate) throws IOException {
        g.writeNumberField("passRate", rate.rate());
        g.writeNumberField("passes", rate.passes());
        g.writeNumberField("total", rate.total());
        g.writeObjectFieldStart("passRateInterval");
        interval(g, rate.interval());
        g.writeEndObject();
    }

    private static void interval(JsonGenerator g, Interval interval) throws IOException {
        g.writeNumberField("lower", interval.lower());
        g.writeNumberField("upper", interval.upper());
        g.writeNumberField("confidence", interval.confidence());
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }
}
