package dev.tunegate.engine.platform.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherRegistry;
import dev.tunegate.engine.matchers.TimeLimitedMatcher;
import dev.tunegate.engine.matchers.builtin.RegexRisk;
import dev.tunegate.engine.matchers.graded.ModelGradedMatcher;
import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.MatcherSpec;
import dev.tunegate.engine.model.suite.SourcePosition;
import dev.tunegate.engine.model.suite.SuiteException;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.model.suite.SuiteLocations;
import dev.tunegate.engine.model.suite.SuiteParser;
import dev.tunegate.engine.model.suite.SuiteProblem;
import dev.tunegate.engine.platform.descriptor.CompiledSuite;
import dev.tunegate.engine.platform.descriptor.SuiteSources;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Parses suites and creates their matchers, once per URI per discovery, turning every problem into
 * a {@link DiscoveryIssue} at its file position (the Cucumber "parser with issue reporting and
 * caching" decorators in one small class). Suite problems are reported as warnings, because the
 * launcher refuses to run any test of an engine that reports an error-level issue, and one broken
 * suite must not stop the others; the broken suite itself becomes a failed container.
 */
final class SuiteLoader {
    private static final Pattern TOP_LEVEL_SUITE_KEY = Pattern.compile("(suite|\"suite\"|'suite')\\s*:");

    /** A suite that loaded, or the reason it did not. */
    record Loaded(CompiledSuite suite, SuiteException failure) {
        boolean ok() {
            return suite != null;
        }
    }

    private final SuiteFiles files;
    private final SuiteParser parser;
    private final MatcherRegistry registry;
    private final DiscoveryIssueReporter issues;
    private final ClassLoader classLoader;
    private final TuneGateConfiguration config;
    private final Map<URI, Loaded> cache = new HashMap<>();
    private final ModelExistence models;

    SuiteLoader(
            TuneGateConfiguration config,
            MatcherRegistry registry,
            DiscoveryIssueReporter issues,
            ClassLoader classLoader,
            ModelExistence models) {
        this.config = config;
        this.models = models;
        this.files = new SuiteFiles(config.projectRoot().orElse(null), config.suiteMaxBytes(), classLoader);
        this.parser = new SuiteParser(files, config.suiteMaxBytes(), config.suiteMaxAliasNodes());
        this.registry = registry;
        this.issues = issues;
        this.classLoader = classLoader;
    }

    /** Why a classpath suite is a stale build copy of a deleted source (see {@link StaleResources}), if it is one. */
    Optional<String> staleCopy(String resourceName) {
        return StaleResources.reason(classLoader, resourceName);
    }

    Loaded load(URI uri) {
        return cache.computeIfAbsent(uri, this::loadUncached);
    }

    /**
     * Where the suite's name is written: the line of its top-level {@code suite:} key; empty when the
     * name is the file name (or the line cannot be found).
     */
    Optional<SourcePosition> namePosition(EvalSuite suite) {
        try {
            String[] lines = files.read(suite.location()).split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                if (TOP_LEVEL_SUITE_KEY.matcher(lines[i]).lookingAt()) {
                    return Optional.of(new SourcePosition(i + 1, 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the start of the suite is precise enough
        }
        return Optional.empty();
    }

    private Loaded loadUncached(URI uri) {
        try {
            EvalSuite suite = CheckpointExpansion.apply(
                    ModelOverrides.apply(parser.parse(uri), config), config, job -> Optional.empty());
            List<SuiteProblem> missingModels = models.problems(suite);
            CompiledSuite compiled;
            try {
                compiled = compile(suite);
            } catch (SuiteException e) {
                List<SuiteProblem> all = new ArrayList<>(e.problems());
                all.addAll(missingModels);
                throw SuiteException.inFileOrder(all, null);
            }
            if (!missingModels.isEmpty()) {
                throw SuiteException.inFileOrder(missingModels, null);
            }
            return new Loaded(compiled, null);
        } catch (SuiteException e) {
            List<SuiteProblem> problems = new ArrayList<>(e.problems());
            if (e.partial().isPresent()) {
                // What could be mapped despite the problems is compiled too: its matcher problems are
                // reported in the same pass instead of after the next fix.
                try {
                    matchers(e.partial().get(), problems);
                } catch (RuntimeException ignored) {
                    // the problems already found are reported
                }
                e = SuiteException.inFileOrder(problems, null);
            }
            for (SuiteProblem problem : e.problems()) {
                issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, problem.describe())
                        .source(SuiteSources.of(problem.file(), problem.position())));
            }
            return new Loaded(null, e);
        }
    }

    private CompiledSuite compile(EvalSuite suite) throws SuiteException {
        List<SuiteProblem> problems = new ArrayList<>();
        Map<String, List<Matcher>> matchers = matchers(suite, problems);
        dev.tunegate.engine.model.gate.SuiteGate gate = null;
        try {
            gate = dev.tunegate.engine.model.gate.SuiteGate.of(
                    suite,
                    config.comparison(),
                    warning -> issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, warning)
                            .source(SuiteSources.of(suite.location(), suite.position()))));
        } catch (IllegalArgumentException e) {
            problems.add(new SuiteProblem(suite.location(), suite.position(), "gate: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new SuiteException(problems);
        }
        return new CompiledSuite(suite, matchers, gate);
    }

    /** The matchers of every case by case id; each entry that cannot be created adds a problem (once). */
    private Map<String, List<Matcher>> matchers(EvalSuite suite, List<SuiteProblem> problems) {
        MatcherContext context = matcherContext(suite.location());
        Map<String, List<Matcher>> matchers = new LinkedHashMap<>();
        // The suite's default matchers are one spec shared by every case: one matcher each, and one
        // list per distinct combination, instead of copies held for every case of a large suite.
        Map<MatcherSpec, Matcher> created = new IdentityHashMap<>();
        Map<List<Matcher>, List<Matcher>> lists = new HashMap<>();
        for (EvalCase c : suite.cases()) {
            List<Matcher> list = new ArrayList<>(c.expect().size());
            for (MatcherSpec spec : c.expect()) {
                Matcher matcher = created.get(spec);
                if (matcher == null) {
                    ObjectNode entry = JsonNodeFactory.instance.objectNode();
                    entry.set(spec.name(), spec.argument());
                    try {
                        Matcher fromRegistry = registry.create(entry, context);
                        Matcher made = ModelGradedMatcher.of(fromRegistry, spec.name())
                                .<Matcher>map(m -> m)
                                .orElse(fromRegistry);
                        if (made instanceof ModelGradedMatcher graded) {
                            // graded by the pipeline's model calls, then by a pure function: no time limit
                            Optional<String> against = graded.comparedVariant();
                            if (against.isPresent() && !suite.variants().containsKey(against.get())) {
                                throw new MatcherDefinitionException("pairwise compares with variant '"
                                        + against.get() + "', which is not a variant in 'models' (variants: "
                                        + String.join(", ", suite.variants().keySet()) + ")");
                            }
                            matcher = made;
                        } else {
                            matcher = new TimeLimitedMatcher(
                                    made,
                                    SuiteLocations.display(spec.file()) + ":"
                                            + spec.position().line(),
                                    config.matcherTimeout());
                        }
                        created.put(spec, matcher);
                        warnAboutRiskyRegexes(spec, spec.name(), spec.argument());
                    } catch (MatcherDefinitionException e) {
                        SuiteProblem problem = new SuiteProblem(
                                spec.file(), spec.position(), "case '" + c.id() + "': " + e.getMessage());
                        if (!problems.contains(problem)) {
                            problems.add(problem);
                        }
                        continue;
                    }
                }
                list.add(matcher);
            }
            matchers.put(c.id(), lists.computeIfAbsent(List.copyOf(list), l -> l));
        }
        return matchers;
    }

    /**
     * Reports a warning for every regular expression of the entry (also inside not/all/any) that
     * the cheap check finds likely to backtrack catastrophically; the matcher still runs, under its
     * time limit.
     */
    private void warnAboutRiskyRegexes(MatcherSpec spec, String name, JsonNode argument) {
        if ("regex".equals(name)) {
            JsonNode pattern = argument.isObject() ? argument.path("pattern") : argument;
            if (pattern.isTextual()) {
                RegexRisk.of(pattern.textValue()).ifPresent(risk -> {
                    SuiteProblem warning = new SuiteProblem(
                            spec.file(),
                            spec.position(),
                            "regex /" + pattern.textValue() + "/ may backtrack catastrophically: " + risk
                                    + ". On an answer it does not match it can run for minutes; it is stopped"
                                    + " and fails after tunegate.matcher.timeout (" + config.matcherTimeout()
                                    + "). Rewrite it without the nested repetition (e.g. [^a]*a instead of .*a,"
                                    + " or a possessive quantifier .*+)");
                    issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, warning.describe())
                            .source(SuiteSources.of(spec.file(), spec.position())));
                });
            }
        } else if ("not".equals(name) || "all".equals(name) || "any".equals(name)) {
            List<JsonNode> entries = new ArrayList<>();
            if (argument.isArray()) {
                argument.forEach(entries::add);
            } else {
                entries.add(argument);
            }
            for (JsonNode entry : entries) {
                if (entry.isObject() && entry.size() == 1) {
                    Map.Entry<String, JsonNode> only = entry.fields().next();
                    warnAboutRiskyRegexes(spec, only.getKey(), only.getValue());
                }
            }
        }
    }

    /** The directory of the suite on disk and the root its files may not leave. */
    private MatcherContext matcherContext(URI location) {
        Path cwd = Paths.get("").toAbsolutePath().normalize();
        if ("file".equals(location.getScheme())) {
            Path dir = Paths.get(location).toAbsolutePath().normalize().getParent();
            Path root = config.projectRoot()
                    .map(p -> p.toAbsolutePath().normalize())
                    .orElse(dir.startsWith(cwd) ? cwd : dir);
            return MatcherContext.of(dir.startsWith(root) ? dir : root, root, registry);
        }
        if ("classpath".equals(location.getScheme())) {
            String name = SuiteFiles.resourceName(location);
            URL url = classLoader.getResource(name);
            if (url != null && "file".equals(url.getProtocol())) {
                try {
                    Path file = Paths.get(url.toURI());
                    Path root = file;
                    for (int i = 0; i < name.split("/").length; i++) {
                        root = root.getParent();
                    }
                    return MatcherContext.of(file.getParent(), root, registry);
                } catch (java.net.URISyntaxException | RuntimeException ignored) {
                    // fall through to the working directory
                }
            }
        }
        return MatcherContext.of(cwd, cwd, registry);
    }
}
