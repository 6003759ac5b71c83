package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.GateCheck;
import dev.tunegate.engine.model.gate.GateVerdict;
import org.apiguardian.api.API;

/**
 * A gate's rules as an HTML table, passed or failed: each rule with what it requires, what was
 * measured and whether it holds ({@code compare.html}; also for Allure's {@code descriptionHtml}).
 * Every text is HTML-escaped; the table uses classes {@code gate-rules}, {@code ok} and {@code bad}
 * and no other markup or styles.
 */
@API(status = API.Status.INTERNAL)
public final class GateRulesHtml {

    private GateRulesHtml() {}

    /** The table: one row per rule of {@code verdict}, in policy order. */
    public static String table(GateVerdict verdict) {
        StringBuilder html =
                new StringBuilder("<table class=\"gate-rules\"><thead><tr><th>rule</th><th>required</th><th>actual</th>"
                        + "<th>result</th></tr></thead><tbody>");
        for (GateCheck c : verdict.checks()) {
            html.append("<tr class=\"")
                    .append(c.passed() ? "ok" : "bad")
                    .append("\"><td>")
                    .append(escape(c.name()))
                    .append("</td><td>")
                    .append(escape(c.required()))
                    .append("</td><td>")
                    .append(escape(c.actual()))
                    .append("</td><td>")
                    .append(c.passed() ? "ok" : "FAILED")
                    .append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
