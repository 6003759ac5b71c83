package dev.tunegate.engine.results.allure;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.tunegate.engine.model.gate.GateCheck;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.stats.PairedComparisonFormat;
import dev.tunegate.engine.model.stats.PairedComparisonFormat.Output;
import dev.tunegate.engine.model.stats.PassRate;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gate verdict as the HTML description of the gate's Allure result: one table row per rule with its
 * required and actual value (passed or not), then both pass rates, the paired comparison, regressions
 * and improvements. Every value is escaped by the template.
 */
final class GateHtml {

    private static final Mustache TEMPLATE =
            new DefaultMustacheFactory("dev/tunegate/engine/results/allure").compile("gate-verdict.html.mustache");

    private GateHtml() {}

    static String render(GateVerdict v) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("passed", v.passed());
        page.put("suite", v.suite());
        page.put("candidate", v.candidate());
        page.put("baseline", v.baseline());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GateCheck c : v.checks()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", c.name());
            row.put("required", c.required());
            row.put("actual", c.actual());
            row.put("passed", c.passed());
            rows.add(row);
        }
        page.put("checks", rows);
        page.put("candidateRate", rate(v.candidateRate()));
        if (v.comparison() != null) {
            page.put("baselineRate", rate(v.baselineRate()));
            page.put("paired", PairedComparisonFormat.sentence(v.comparison(), Output.HTML));
        }
        page.put("regressions", v.regressions().isEmpty() ? null : String.join(", ", v.regressions()));
        page.put("improvements", v.improvements().isEmpty() ? null : String.join(", ", v.improvements()));
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, page);
        return out.toString();
    }

    private static String rate(PassRate rate) {
        if (rate == null) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%.1f%% (%d/%d; %.0f%% CI %.1f%%–%.1f%%)",
                100 * rate.rate(),
                rate.passes(),
                rate.total(),
                100 * rate.interval().confidence(),
                100 * rate.interval().lower(),
                100 * rate.interval().upper());
    }
}
