package dev.tunegate.engine.results.allure;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.tunegate.engine.results.report.MatcherResult;
import dev.tunegate.engine.results.report.SampleResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-case HTML attachment: every variant's answer side by side, with failed matchers (escaped). */
final class SideBySide {

    private static final Mustache TEMPLATE =
            new DefaultMustacheFactory("dev/tunegate/engine/results/allure").compile("side-by-side.html.mustache");

    private SideBySide() {}

    static String render(String suite, String caseId, String prompt, List<Seen> variants) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("suite", suite);
        page.put("caseId", caseId);
        page.put("prompt", prompt);
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Seen s : variants) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("variant", s.info().variant().name());
            col.put("role", s.info().variant().role().yamlName());
            col.put("model", s.info().variant().model());
            col.put("status", s.result().status().label());
            List<Map<String, Object>> samples = new ArrayList<>();
            for (SampleResult sample : s.result().samples()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("answer", sample.answer() == null ? sample.error() : sample.answer());
                sm.put(
                        "failures",
                        sample.matchers().stream()
                                .filter(m -> !m.passed())
                                .map(MatcherResult::description)
                                .toList());
                samples.add(sm);
            }
            col.put("samples", samples);
            columns.add(col);
        }
        page.put("columns", columns);
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, page);
        return out.toString();
    }
}
