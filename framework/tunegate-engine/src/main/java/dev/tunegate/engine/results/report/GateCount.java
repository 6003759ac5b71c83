package dev.tunegate.engine.results.report;

/**
 * How many gates a run has and how many failed, with the plural-correct title every report uses:
 * {@code 1 gate failed}, {@code 2 gates failed}, {@code All 3 gates passed}.
 *
 * @param total  gates (one per suite and candidate)
 * @param failed gates that failed
 */
record GateCount(int total, int failed) {

    static GateCount of(RunResult run) {
        int total = 0;
        int failed = 0;
        for (SuiteResult s : run.suites()) {
            total += s.verdicts().size();
            failed += (int) s.verdicts().stream().filter(v -> !v.passed()).count();
        }
        return new GateCount(total, failed);
    }

    String title() {
        if (total == 0) {
            return "No gates";
        }
        if (failed > 0) {
            return failed + (failed == 1 ? " gate failed" : " gates failed");
        }
        return total == 1 ? "1 gate passed" : "All " + total + " gates passed";
    }
}
