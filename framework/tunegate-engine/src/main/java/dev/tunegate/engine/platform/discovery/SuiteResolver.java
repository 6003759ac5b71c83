package dev.tunegate.engine.platform.discovery;

import dev.tunegate.engine.config.Shard;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.platform.descriptor.CaseDescriptor;
import dev.tunegate.engine.platform.descriptor.CompiledSuite;
import dev.tunegate.engine.platform.descriptor.GateTestDescriptor;
import dev.tunegate.engine.platform.descriptor.SuiteDescriptor;
import dev.tunegate.engine.platform.descriptor.SuiteSources;
import dev.tunegate.engine.platform.descriptor.TuneGateUniqueIds;
import dev.tunegate.engine.platform.descriptor.VariantTestDescriptor;
import dev.tunegate.engine.platform.discovery.TuneGateSelectors.CaseSelector;
import dev.tunegate.engine.platform.discovery.TuneGateSelectors.GateSelector;
import dev.tunegate.engine.platform.discovery.TuneGateSelectors.SuiteSelector;
import dev.tunegate.engine.platform.discovery.TuneGateSelectors.VariantSelector;
import java.io.File;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.discovery.UriSelector;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves suite files (file, classpath resource, URI, unique id, and the engine's own selectors)
 * into descriptors: suite → case → variant test. Class selectors are never resolved, so a
 * {@code @Suite} class does not run the suites twice.
 */
final class SuiteResolver implements SelectorResolver {

    private final SuiteLoader loader;
    private final TuneGateConfiguration config;
    private final DiscoveryIssueReporter issues;

    SuiteResolver(SuiteLoader loader, TuneGateConfiguration config, DiscoveryIssueReporter issues) {
        this.loader = loader;
        this.config = config;
        this.issues = issues;
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        File file = selector.getFile();
        if (!SuiteFiles.isSuiteName(file.getName())) {
            return Resolution.unresolved();
        }
        URI uri = file.toPath().toAbsolutePath().normalize().toUri();
        return suite(uri, selector.getPosition());
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        String name = selector.getClasspathResourceName();
        if (!SuiteFiles.isSuiteName(name)) {
            return Resolution.unresolved();
        }
        Optional<String> stale = loader.staleCopy(name);
        if (stale.isPresent()) {
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, stale.get())
                    .source(org.junit.platform.engine.support.descriptor.ClasspathResourceSource.from(name)));
            return Resolution.unresolved();
        }
        return suite(SuiteFiles.classpathUri(name), selector.getPosition());
    }

    @Override
    public Resolution resolve(UriSelector selector, Context context) {
        URI uri = selector.getUri();
        String path = uri.getPath() != null ? uri.getPath() : uri.getSchemeSpecificPart();
        if (path == null || !SuiteFiles.isSuiteName(path.replaceFirst("\\?.*$", ""))) {
            return Resolution.unresolved();
        }
        Optional<FilePosition> position = Optional.ofNullable(uri.getQuery()).flatMap(FilePosition::fromQuery);
        URI withoutQuery = URI.create(
                uri.getScheme() + ":" + uri.getRawSchemeSpecificPart().replaceFirst("\\?.*$", ""));
        if ("classpath".equals(uri.getScheme())) {
            withoutQuery = SuiteFiles.classpathUri(SuiteFiles.resourceName(withoutQuery));
        } else if ("file".equals(uri.getScheme())) {
            withoutQuery = java.nio.file.Paths.get(withoutQuery)
                    .toAbsolutePath()
                    .normalize()
                    .toUri();
        }
        return suite(withoutQuery, position);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        return TuneGateUniqueIds.parse(selector.getUniqueId())
                .map(parsed -> {
                    if (parsed.gate().isPresent()) {
                        // a gate judges the cases that ran: rerunning a gate (IDE, Surefire's
                        // rerunFailingTestsCount) reruns its suite, not a gate over nothing
                        return Resolution.selectors(Set.of(new SuiteSelector(parsed.suite(), Optional.empty())));
                    }
                    DiscoverySelector next = parsed.caseId().isEmpty()
                            ? new SuiteSelector(parsed.suite(), Optional.empty())
                            : parsed.variant().isEmpty()
                                    ? new CaseSelector(
                                            parsed.suite(), parsed.caseId().get())
                                    : new VariantSelector(
                                            parsed.suite(),
                                            parsed.caseId().get(),
                                            parsed.variant().get());
                    return Resolution.selectors(Set.of(next));
                })
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(DiscoverySelector selector, Context context) {
        if (selector instanceof SuiteSelector s) {
            return resolveSuite(s, context);
        }
        if (selector instanceof CaseSelector c) {
            return resolveCase(c, context);
        }
        if (selector instanceof VariantSelector v) {
            return resolveVariant(v, context);
        }
        if (selector instanceof GateSelector g) {
            return resolveGate(g, context);
        }
        return Resolution.unresolved();
    }

    private Resolution suite(URI uri, Optional<FilePosition> position) {
        return Resolution.selectors(Set.of(new SuiteSelector(uri, position.map(FilePosition::getLine))));
    }

    private Resolution resolveSuite(SuiteSelector selector, Context context) {
        SuiteLoader.Loaded loaded = loader.load(selector.suite());
        Optional<SuiteDescriptor> descriptor = context.addToParent(parent -> Optional.of(
                loaded.ok()
                        ? SuiteDescriptor.of(parent.getUniqueId(), loaded.suite())
                        : SuiteDescriptor.broken(parent.getUniqueId(), selector.suite(), loaded.failure())));
        if (descriptor.isEmpty()) {
            return Resolution.unresolved();
        }
        if (!loaded.ok()) {
            return Resolution.match(Match.exact(descriptor.get()));
        }
        EvalSuite suite = loaded.suite().suite();
        List<EvalCase> cases = suite.cases();
        if (selector.line().isPresent()) {
            Optional<EvalCase> atLine = caseAt(suite, selector.line().get());
            if (atLine.isPresent()) {
                cases = List.of(atLine.get());
            } else {
                issues.reportIssue(DiscoveryIssue.builder(
                                DiscoveryIssue.Severity.WARNING,
                                dev.tunegate.engine.model.suite.SuiteLocations.display(suite.location()) + ":"
                                        + selector.line().get()
                                        + ": no case is written at this line; running the whole suite")
                        .source(SuiteSources.of(
                                suite.location(),
                                new dev.tunegate.engine.model.suite.SourcePosition(
                                        selector.line().get(), 1))));
            }
        }
        Set<DiscoverySelector> children = new LinkedHashSet<>();
        Optional<Shard> shard = config.comparison().shard();
        for (EvalCase c : cases) {
            // a case runs in its shard with every variant (the case selector adds them all)
            if (shard.isEmpty() || shard.get().contains(suite.location().toString(), c.id())) {
                children.add(new CaseSelector(suite.location(), c.id()));
            }
        }
        // also when a line selects one case: the gate then judges that case (TuneGateDiscovery.addGates)
        for (String candidate : loaded.suite().gate().roles().candidates()) {
            children.add(new GateSelector(suite.location(), candidate));
        }
        return Resolution.match(Match.exact(descriptor.get(), () -> children));
    }

    /** The inline case whose text contains the line: the last case starting at or before it. */
    static Optional<EvalCase> caseAt(EvalSuite suite, int line) {
        EvalCase found = null;
        for (EvalCase c : suite.cases()) {
            if (c.file().equals(suite.location())
                    && c.position().line() <= line
                    && (found == null || c.position().line() >= found.position().line())) {
                found = c;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        int start = found.position().line();
        boolean laterCaseBefore = suite.cases().stream()
                .anyMatch(c -> c.file().equals(suite.location())
                        && c.position().line() > start
                        && c.position().line() <= line);
        return laterCaseBefore ? Optional.empty() : Optional.of(found);
    }

    private Resolution resolveCase(CaseSelector selector, Context context) {
        SuiteLoader.Loaded loaded = loader.load(selector.suite());
        if (!loaded.ok()) {
            return resolveSuite(new SuiteSelector(selector.suite(), Optional.empty()), context);
        }
        Optional<EvalCase> evalCase = loaded.suite().findCase(selector.caseId());
        if (evalCase.isEmpty()) {
            issues.reportIssue(DiscoveryIssue.create(
                    DiscoveryIssue.Severity.WARNING,
                    "suite " + dev.tunegate.engine.model.suite.SuiteLocations.display(selector.suite())
                            + " has no case '" + selector.caseId() + "'"));
            return Resolution.unresolved();
        }
        CompiledSuite compiled = loaded.suite();
        Optional<CaseDescriptor> descriptor = context.addToParent(
                () -> new SuiteSelector(selector.suite(), Optional.empty()),
                parent -> Optional.of(CaseDescriptor.of(parent.getUniqueId(), compiled, evalCase.get())));
        if (descriptor.isEmpty()) {
            return Resolution.unresolved();
        }
        Set<DiscoverySelector> children = new LinkedHashSet<>();
        for (String variant : compiled.suite().variants().keySet()) {
            children.add(new VariantSelector(selector.suite(), selector.caseId(), variant));
        }
        return Resolution.match(Match.exact(descriptor.get(), () -> children));
    }

    private Resolution resolveVariant(VariantSelector selector, Context context) {
        SuiteLoader.Loaded loaded = loader.load(selector.suite());
        if (!loaded.ok()) {
            return resolveSuite(new SuiteSelector(selector.suite(), Optional.empty()), context);
        }
        if (!loaded.suite().suite().variants().containsKey(selector.variant())
                || loaded.suite().findCase(selector.caseId()).isEmpty()) {
            issues.reportIssue(DiscoveryIssue.create(
                    DiscoveryIssue.Severity.WARNING,
                    "suite "
                            + dev.tunegate.engine.model.suite.SuiteLocations.display(selector.suite())
                            + " has no case '" + selector.caseId()
                            + "' with variant '" + selector.variant() + "'"));
            return Resolution.unresolved();
        }
        Optional<VariantTestDescriptor> descriptor = context.addToParent(
                () -> new CaseSelector(selector.suite(), selector.caseId()),
                parent -> Optional.of(VariantTestDescriptor.of((CaseDescriptor) parent, selector.variant())));
        return descriptor.map(d -> Resolution.match(Match.exact(d))).orElse(Resolution.unresolved());
    }

    private Resolution resolveGate(GateSelector selector, Context context) {
        SuiteLoader.Loaded loaded = loader.load(selector.suite());
        if (!loaded.ok()) {
            return resolveSuite(new SuiteSelector(selector.suite(), Optional.empty()), context);
        }
        if (!loaded.suite().gate().roles().candidates().contains(selector.candidate())) {
            issues.reportIssue(DiscoveryIssue.create(
                    DiscoveryIssue.Severity.WARNING,
                    "suite "
                            + dev.tunegate.engine.model.suite.SuiteLocations.display(selector.suite())
                            + " has no gate for candidate '"
                            + selector.candidate() + "'"));
            return Resolution.unresolved();
        }
        CompiledSuite compiled = loaded.suite();
        Optional<GateTestDescriptor> descriptor = context.addToParent(
                () -> new SuiteSelector(selector.suite(), Optional.empty()),
                parent -> Optional.of(GateTestDescriptor.of(parent.getUniqueId(), compiled, selector.candidate())));
        return descriptor.map(d -> Resolution.match(Match.exact(d))).orElse(Resolution.unresolved());
    }
}
