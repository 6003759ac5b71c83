package dev.tunegate.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What failed in a run, from its summary and this build's Surefire totals: each failed gate with the rules it
 * broke, each failed enforced case, and failures that the summary does not explain.
 *
 * @param failedGates      one block per failed gate (first line: suite, candidate, baseline; then the rules)
 * @param enforcedFailures one line per failed case of a candidate in a suite without a gate (strict mode)
 * @param otherFailures    failures the summary does not name (failed tests outside the suites, no test run, ...)
 */
record BuildVerdict(List<String> failedGates, List<String> enforcedFailures, List<String> otherFailures) {

    static BuildVerdict of(Summary summary, SurefireTotals surefire) {
        List<String> gates = new ArrayList<>();
        List<String> enforced = new ArrayList<>();
        for (Summary.Suite suite : summary.suites()) {
            for (Summary.Candidate gate : suite.candidates()) {
                if (gate.failed() && summary.shard() == null) { // a shard's gates judge a part: merged later
                    gates.add(gateBlock(suite, gate));
                }
            }
            if ("strict".equals(suite.mode())) {
                Set<String> candidates = suite.variants().stream()
                        .filter(v -> "candidate".equals(v.role()))
                        .map(Summary.Variant::name)
                        .collect(Collectors.toSet());
                for (Summary.Case c : suite.cases()) {
                    c.variants().forEach((variant, outcome) -> {
                        if (candidates.contains(variant) && outcome != null && outcome.failed()) {
                            enforced.add("suite '" + suite.name() + "' case '" + c.id() + "' on candidate '" + variant
                                    + "': " + outcome.status());
                        }
                    });
                }
            }
        }
        List<String> other = new ArrayList<>();
        boolean explained = !gates.isEmpty() || !enforced.isEmpty();
        if (!summary.passed() && !explained && summary.shard() == null) {
            other.add("summary.json says the run did not pass (\"passed\": false)");
        }
        int broken = surefire.failures() + surefire.errors();
        if (broken > 0 && !explained) {
            other.add(broken + " test(s) failed or errored in this build's Surefire reports (" + surefire.failures()
                    + " failures, " + surefire.errors() + " errors): see the test output above");
        }
        if (surefire.files() > 0 && surefire.tests() == 0) {
            other.add("Surefire ran no test: the suites were not found, so no gate ran");
        }
        return new BuildVerdict(List.copyOf(gates), List.copyOf(enforced), List.copyOf(other));
    }

    boolean passed() {
        return failedGates.isEmpty() && enforcedFailures.isEmpty() && otherFailures.isEmpty();
    }

    /** The build failure message: a headline, then every failed gate and case. */
    String message(Path summaryFile) {
        StringBuilder out = new StringBuilder("TuneGate verdict: FAILED (");
        List<String> counts = new ArrayList<>();
        if (!failedGates.isEmpty()) {
            counts.add(plural(failedGates.size(), "gate") + " failed");
        }
        if (!enforcedFailures.isEmpty()) {
            counts.add(plural(enforcedFailures.size(), "enforced case") + " failed");
        }
        if (counts.isEmpty()) {
            counts.add("the run did not pass");
        }
        out.append(String.join(", ", counts)).append(")");
        failedGates.forEach(g -> out.append(System.lineSeparator()).append(g));
        enforcedFailures.forEach(e -> out.append(System.lineSeparator())
                .append("Enforced case failed: ")
                .append(e));
        otherFailures.forEach(o -> out.append(System.lineSeparator()).append(o));
        Path dir = summaryFile.toAbsolutePath().normalize().getParent();
        out.append(System.lineSeparator())
                .append("Reports: ")
                .append(dir.resolve("summary.md"))
                .append(", ")
                .append(dir.resolve("compare.html"));
        return out.toString();
    }

    private static String gateBlock(Summary.Suite suite, Summary.Candidate gate) {
        StringBuilder block = new StringBuilder("Gate FAILED for suite '")
                .append(suite.name())
                .append("': candidate '")
                .append(gate.candidate())
                .append("' vs baseline '")
                .append(gate.baseline())
                .append("'");
        List<Summary.Check> failed =
                gate.checks().stream().filter(c -> !c.passed()).toList();
        if (failed.isEmpty()) {
            gate.reasons()
                    .forEach(r ->
                            block.append(System.lineSeparator()).append("  ").append(r));
        }
        for (Summary.Check check : failed) {
            block.append(System.lineSeparator())
                    .append("  ")
                    .append(check.name())
                    .append(": required ")
                    .append(check.required())
                    .append(", actual ")
                    .append(check.actual());
        }
        return block.toString();
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
