package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.CheckpointPoint;
import dev.tunegate.engine.model.gate.CheckpointSweep;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.stats.PassRate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checkpoint view of {@code compare.html} for one {@link CheckpointSweep}: an inline SVG line chart of the pass
 * rate with its interval per checkpoint in epoch order (gate passed in green, failed in red, the recommended one
 * ringed, the baseline's pass rate dashed), and a row per checkpoint for the table below it.
 */
final class CheckpointChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 24;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;

    private CheckpointChart() {}

    /** The template model of one sweep. */
    static Map<String, Object> of(CheckpointSweep sweep) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", sweep.variant());
        m.put("tuningJob", sweep.tuningJob());
        m.put("best", sweep.best());
        m.put("width", WIDTH);
        m.put("height", HEIGHT);
        m.put("reason", sweep.reason());
        sweep.recommended()
                .ifPresent(p -> m.put(
                        "recommended",
                        Map.of(
                                "variant", p.variant(),
                                "checkpointId", p.checkpoint().checkpointId(),
                                "epoch", p.checkpoint().epoch(),
                                "endpoint", p.checkpoint().endpoint())));
        List<CheckpointPoint> points = sweep.points();
        m.put("grid", grid());
        PassRate baseline = points.get(0).verdict().baselineRate();
        // the baseline's pass rate over the cases it shares with the first checkpoint (every case in a full run)
        if (baseline != null) {
            m.put(
                    "baseline",
                    Map.of(
                            "name", sweep.baseline(),
                            "y", fmt(y(baseline.rate())),
                            "label", sweep.baseline() + " " + CompareHtml.pct(baseline.rate()),
                            "x2", WIDTH - RIGHT,
                            "labelY", fmt(y(baseline.rate()) - 4)));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            CheckpointPoint p = points.get(i);
            GateVerdict v = p.verdict();
            double x = x(i, points.size());
            double y = y(v.candidateRate().rate());
            line.append(line.length() == 0 ? "" : " ")
                    .append(fmt(x))
                    .append(',')
                    .append(fmt(y));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("variant", p.variant());
            row.put("checkpointId", p.checkpoint().checkpointId());
            row.put("epoch", p.checkpoint().epoch());
            row.put("step", p.checkpoint().step());
            row.put("isDefault", p.checkpoint().isDefault());
            row.put("passed", v.passed());
            row.put("best", p.best());
            row.put("recommended", sweep.recommended().map(r -> r == p).orElse(false));
            row.put("x", fmt(x));
            row.put("y", fmt(y));
            row.put("ciY1", fmt(y(v.candidateRate().interval().upper())));
            row.put("ciY2", fmt(y(v.candidateRate().interval().lower())));
            row.put("labelY", HEIGHT - BOTTOM + 16);
            row.put("epochY", HEIGHT - BOTTOM + 30);
            row.put("rate", CompareHtml.rateWithInterval(v.candidateRate()));
            row.put("regressions", v.regressions().size());
            row.put("regressionIds", String.join(", ", v.regressions()));
            row.put("improvements", v.improvements().size());
            row.put("improvementIds", String.join(", ", v.improvements()));
            row.put("vsBest", vsBest(p));
            row.put("failedRules", String.join(" · ", v.reasons()));
            rows.add(row);
        }
        m.put("line", line.toString());
        m.put("points", rows);
        return m;
    }

    private static String vsBest(CheckpointPoint p) {
        if (p.best()) {
            return "best";
        }
        var d = p.vsBest().difference();
        return String.format(
                Locale.ROOT,
                "%+.1f pts (%.0f%% CI %+.1f to %+.1f), %s",
                100 * p.vsBest().table().difference(),
                100 * d.confidence(),
                100 * d.lower(),
                100 * d.upper(),
                p.nonInferior() ? "non-inferior" : "inferior");
    }

    /** Horizontal grid lines at 0, 25, 50, 75 and 100%. */
    private static List<Map<String, Object>> grid() {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double rate = i / 4.0;
            lines.add(Map.of(
                    "y",
                    fmt(y(rate)),
                    "labelY",
                    fmt(y(rate) + 4),
                    "label",
                    (25 * i) + "%",
                    "x1",
                    LEFT,
                    "x2",
                    WIDTH - RIGHT));
        }
        return lines;
    }

    /** The x of the {@code i}-th of {@code n} checkpoints, evenly spaced. */
    static double x(int i, int n) {
        double span = WIDTH - LEFT - RIGHT - 40;
        return n == 1 ? LEFT + 20 + span / 2 : LEFT + 20 + span * i / (n - 1);
    }

    /** The y of a pass rate in [0, 1]. */
    static double y(double rate) {
        return TOP + (1 - rate) * (HEIGHT - TOP - BOTTOM);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
