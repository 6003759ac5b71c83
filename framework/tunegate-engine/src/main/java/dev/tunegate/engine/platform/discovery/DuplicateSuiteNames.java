package dev.tunegate.engine.platform.discovery;

import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.SourcePosition;
import dev.tunegate.engine.model.suite.SuiteException;
import dev.tunegate.engine.model.suite.SuiteLocations;
import dev.tunegate.engine.model.suite.SuiteProblem;
import dev.tunegate.engine.platform.descriptor.SuiteDescriptor;
import dev.tunegate.engine.platform.descriptor.SuiteSources;
import dev.tunegate.engine.platform.descriptor.TuneGateEngineDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Two suite files with one suite name ({@code suite:}, or the file name) would share their results
 * in {@code summary.json}, {@code summary.md}, the CLI's tables and Allure (where their history ids
 * collide). After discovery every such suite is reported as a problem naming all the files and lines,
 * and is replaced by a broken suite that fails with that message; the other suites run as usual.
 * Like other suite problems the issue is a WARNING, because an ERROR issue stops every suite of the
 * engine.
 */
final class DuplicateSuiteNames {

    private DuplicateSuiteNames() {}

    /**
     * Replaces the suites of different files that share a name; {@code namePosition} gives the line of
     * a suite's {@code suite:} key.
     */
    static void check(
            TuneGateEngineDescriptor engine,
            DiscoveryIssueReporter issues,
            Function<EvalSuite, Optional<SourcePosition>> namePosition) {
        Map<String, List<SuiteDescriptor>> byName = new LinkedHashMap<>();
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof SuiteDescriptor suite && suite.suite().isPresent()) {
                byName.computeIfAbsent(suite.suite().get().suite().name(), n -> new ArrayList<>())
                        .add(suite);
            }
        }
        // the same text reached twice (a resource and its copy on the classpath, one file selected as a
        // resource and as a file) is one suite, not two
        byName.values()
                .removeIf(same -> same.stream()
                                .map(d -> d.suite().orElseThrow().suite().contentHash())
                                .distinct()
                                .count()
                        < 2);
        Map<SuiteDescriptor, SuiteDescriptor> replaced = new LinkedHashMap<>();
        for (Map.Entry<String, List<SuiteDescriptor>> entry : byName.entrySet()) {
            List<SuiteDescriptor> same = entry.getValue();
            if (same.size() < 2) {
                continue;
            }
            Map<SuiteDescriptor, String> places = new LinkedHashMap<>();
            Map<SuiteDescriptor, SourcePosition> positions = new LinkedHashMap<>();
            for (SuiteDescriptor d : same) {
                EvalSuite suite = d.suite().orElseThrow().suite();
                Optional<SourcePosition> declared = namePosition.apply(suite);
                SourcePosition at = declared.orElse(suite.position());
                positions.put(d, at);
                places.put(
                        d,
                        SuiteLocations.display(suite.location()) + ":" + at.line() + ":" + at.column()
                                + (declared.isEmpty() ? " (the name is its file name)" : ""));
            }
            for (SuiteDescriptor d : same) {
                String others =
                        same.stream().filter(o -> o != d).map(places::get).collect(Collectors.joining(" and "));
                SuiteProblem problem = new SuiteProblem(
                        d.location(),
                        positions.get(d),
                        "suite name '" + entry.getKey() + "' is also used by " + others
                                + "; suites with one name would share their results in summary.json, summary.md"
                                + " and Allure, so none of them runs: give each suite its own 'suite:' name");
                issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, problem.describe())
                        .source(SuiteSources.of(problem.file(), problem.position())));
                replaced.put(
                        d,
                        SuiteDescriptor.broken(
                                engine.getUniqueId(), d.location(), new SuiteException(List.of(problem))));
            }
        }
        if (replaced.isEmpty()) {
            return;
        }
        List<TestDescriptor> children = new ArrayList<>(engine.getChildren());
        children.forEach(engine::removeChild);
        for (TestDescriptor child : children) {
            TestDescriptor replacement = replaced.get(child);
            engine.addChild(replacement == null ? child : replacement);
        }
    }
}
