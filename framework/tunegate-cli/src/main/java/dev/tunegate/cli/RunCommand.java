package dev.tunegate.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import dev.tunegate.engine.Constants;
import dev.tunegate.engine.config.ReplayMode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.DiscoveryIssueException;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunegate run}: discovers and runs suites through the JUnit Platform Launcher with the tunegate engine. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run evaluation suites (*.eval.yaml files, or folders searched for them) with the tunegate engine.",
            "Prints a summary per suite and variant, the gate verdicts and the failures."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all enforced cases and gates passed",
            "1:a gate or an enforced case failed",
            "2:usage error, discovery issue or unreadable suite",
            "3:infrastructure error (HTTP, I/O, timeouts)"
        })
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Suite files or folders.")
    List<Path> paths;

    @Option(
            names = "--variants",
            split = ",",
            paramLabel = "NAME",
            description = "Run only these variants (comma-separated).")
    List<String> variants;

    @Option(
            names = "--tags",
            paramLabel = "EXPR",
            description = "JUnit tag expression, e.g. 'critical & !slow' or 'variant-v2'.")
    String tags;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "Model calls: live, record, replay, auto or batch (default: live, or tunegate.mode).")
    ReplayMode mode;

    @Option(names = "--cassettes", paramLabel = "DIR", description = "Where recordings are kept (tunegate.cassettes).")
    Path cassettes;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "'embedded' (the in-process emulator, default) or a base URL such as http://127.0.0.1:8089.")
    String endpoint;

    @Option(
            names = "--checkpoints",
            paramLabel = "WHICH",
            description =
                    "Checkpoints of every variant with a Vertex AI tuning job to evaluate, each as its own variant"
                            + " <variant>@<id>: all, default, last or ids such as 2,3 (tunegate.checkpoints; replaces the"
                            + " suites' checkpoints:).")
    String checkpoints;

    @Option(names = "--concurrency", paramLabel = "N", description = "Model calls in flight at once.")
    Integer concurrency;

    @Option(names = "--reports", paramLabel = "DIR", description = "Reports directory (tunegate.reports.dir).")
    Path reports;

    @Option(
            names = "-D",
            paramLabel = "KEY=VALUE",
            mapFallbackValue = "true",
            description = "Any configuration parameter, e.g. -Dtunegate.gate.candidate=base.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(
            names = "--no-progress",
            description = "Do not draw a progress bar (it is drawn only on a terminal anyway).")
    boolean noProgress;

    @Option(
            names = {"-v", "--verbose"},
            description = "Also list aborted tests with their reasons.")
    boolean verbose;

    private static final java.util.logging.Logger LAUNCHER_LOG =
            java.util.logging.Logger.getLogger("org.junit.platform.launcher");

    /** The terminal progress and log lines go to, made from the command's standard error (tests inject a fake). */
    Function<PrintWriter, Terminal> terminals = Terminal::system;

    /** The clock of the progress rate and of the first result (tests inject a controllable one). */
    Clock clock = Clock.systemUTC();

    /**
     * When this JVM started (tests inject a fixed instant): the JVM's own record, to the millisecond. The
     * process's start instant is not used: on Linux it is derived from the boot time in whole seconds, so it
     * can be up to a second early.
     */
    java.util.function.Supplier<java.util.Optional<java.time.Instant>> jvmStart =
            () -> java.util.Optional.of(java.time.Instant.ofEpochMilli(
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()));

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Ansi ansi = spec.commandLine().getColorScheme().ansi();
        // the launcher would log discovery issues too: this command prints them itself, once, without stack traces
        java.util.logging.Level launcherLevel = LAUNCHER_LOG.getLevel();
        LAUNCHER_LOG.setLevel(java.util.logging.Level.OFF);
        try (Terminal terminal = terminals.apply(err)) {
            RunProgress progress = new RunProgress(terminal, clock);
            try (LogRouting logs = LogRouting.install(progress)) {
                return run(out, err, ansi, noProgress ? ProgressDisplay.NONE : progress);
            }
        } finally {
            LAUNCHER_LOG.setLevel(launcherLevel);
        }
    }

    private int run(PrintWriter out, PrintWriter err, Ansi ansi, ProgressDisplay progress) {
        RunTally recorder = new RunTally(progress, clock);
        LauncherDiscoveryRequest request = request(recorder);
        // No launcher session listeners: the engine's end-of-run verdict block (VerdictLog) is for
        // build tools; `run` prints its own tables below, so the verdict appears once.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableLauncherSessionListenerAutoRegistration(false)
                .build());
        TestPlan plan;
        try {
            plan = launcher.discover(request);
        } catch (DiscoveryIssueException e) {
            printIssues(recorder, err, ansi);
            err.println(ansi.string("@|red,bold Discovery failed|@: " + escape(firstLine(e.getMessage()))));
            return ExitCodes.USAGE;
        }
        printIssues(recorder, err, ansi);
        long tests = plan.countTestIdentifiers(id -> id.isTest());
        if (tests == 0) {
            err.println(ansi.string(
                    "@|red,bold No tests found|@ in " + paths + " (suites are *.eval.yaml / *.eval.yml files"
                            + (recorder.discoveryIssues().isEmpty() ? ")." : "; see the problems above).")));
            return ExitCodes.USAGE;
        }
        java.time.Instant started = java.time.Instant.now();
        launcher.execute(plan, recorder);
        err.flush();
        new RunReport(recorder, ansi, verbose).print(out, reportsDir(), started);
        if (verbose) {
            out.println(StartupNote.describe(jvmStart.get(), recorder.firstResult()));
        }
        out.flush();
        return recorder.exitCode();
    }

    private static void printIssues(RunTally recorder, PrintWriter err, Ansi ansi) {
        for (String issue : recorder.discoveryIssues()) {
            err.println(ansi.string("@|yellow " + escape(issue) + "|@"));
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    private LauncherDiscoveryRequest request(RunTally recorder) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                selectors.add(selectDirectory(path.toFile()));
            } else if (Files.isRegularFile(path)) {
                selectors.add(selectFile(path.toFile()));
            } else {
                throw new ParameterException(spec.commandLine(), "No such file or folder: " + path);
            }
        }
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(includeEngines(Constants.ENGINE_ID))
                .listeners(recorder)
                .configurationParameters(configuration());
        if (tags != null) {
            try {
                builder.filters(TagFilter.includeTags(tags));
            } catch (PreconditionViolationException e) {
                throw new ParameterException(
                        spec.commandLine(), "Invalid tag expression '" + tags + "': " + e.getMessage());
            }
        }
        return builder.build();
    }

    /** The configuration parameters from the options; explicit options win over -D. */
    Map<String, String> configuration() {
        Map<String, String> config = new LinkedHashMap<>(parameters);
        // Discovery problems are reported through our listener and the exit code, not by aborting.
        config.putIfAbsent("junit.platform.discovery.listener.default", "logging");
        if (variants != null && !variants.isEmpty()) {
            config.put(Constants.VARIANTS_PROPERTY_NAME, String.join(",", variants));
        }
        if (mode != null) {
            config.put(Constants.MODE_PROPERTY_NAME, mode.name().toLowerCase(Locale.ROOT));
        }
        if (cassettes != null) {
            config.put(Constants.CASSETTES_PROPERTY_NAME, cassettes.toString());
        }
        if (checkpoints != null) {
            config.put(Constants.CHECKPOINTS_PROPERTY_NAME, checkpoints);
        }
        if (endpoint != null) {
            config.put(Constants.ENDPOINT_PROPERTY_NAME, endpoint);
        }
        if (concurrency != null) {
            if (concurrency < 1) {
                throw new ParameterException(
                        spec.commandLine(), "--concurrency must be at least 1, was " + concurrency);
            }
            config.put(Constants.CONCURRENCY_PROPERTY_NAME, concurrency.toString());
        }
        if (reports != null) {
            config.put(Constants.REPORTS_DIR_PROPERTY_NAME, reports.toString());
        }
        // `run` launches the engine as the root engine by design: a setting meant to keep an IDE's
        // "run all" from running suites twice (-D here or on the JVM) must not make it find nothing.
        config.put(Constants.DISCOVERY_AS_ROOT_ENGINE_PROPERTY_NAME, "true");
        return config;
    }

    /** Where the engine writes its reports: --reports, -Dtunegate.reports.dir, else reports/ here. */
    private Path reportsDir() {
        if (reports != null) {
            return reports;
        }
        String configured = parameters.getOrDefault(
                Constants.REPORTS_DIR_PROPERTY_NAME, System.getProperty(Constants.REPORTS_DIR_PROPERTY_NAME));
        return Path.of(configured != null ? configured : "reports");
    }

    static String escape(String text) {
        return text.replace("|@", "| @").replace("@|", "@ |");
    }
}
