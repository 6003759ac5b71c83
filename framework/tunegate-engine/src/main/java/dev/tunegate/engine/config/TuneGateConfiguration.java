package dev.tunegate.engine.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The engine's configuration, read once from JUnit configuration parameters by the engine's one
 * reader (keys in {@code dev.tunegate.engine.Constants}). Invalid values are replaced by their
 * defaults and listed in {@link #problems()}, which discovery reports and execution fails on;
 * unknown {@code tunegate.*} keys are listed in {@link #warnings()}. {@code emulatorDeployments} maps a
 * Vertex AI endpoint id of the embedded emulator to the model it serves, in the order configured;
 * {@code emulatorGcsDir} is the directory of its Cloud Storage.
 */
@API(status = API.Status.INTERNAL)
public record TuneGateConfiguration(
        Optional<URI> endpoint,
        String apiKeyEnv,
        int concurrency,
        OptionalDouble requestsPerMinute,
        int lookAhead,
        boolean streaming,
        Optional<Set<String>> variants,
        Optional<Pattern> nameFilter,
        Duration requestTimeout,
        int retryMaxAttempts,
        Duration retryDeadline,
        Duration tuningTimeout,
        Duration tuningPollInterval,
        boolean tuneReplace,
        long suiteMaxBytes,
        int suiteMaxAliasNodes,
        Duration matcherTimeout,
        Optional<Path> projectRoot,
        Optional<Path> emulatorDataDir,
        Map<String, String> emulatorDeployments,
        Optional<Path> emulatorGcsDir,
        boolean discoveryAsRootEngine,
        ReplayMode mode,
        Path cassettes,
        VertexConfiguration vertex,
        JudgeSettings judges,
        ComparisonSettings comparison,
        Optional<Budget> budget,
        List<String> problems,
        List<String> warnings) {

    /** {@code tunegate.endpoint} value that starts the in-process emulator. */
    public static final String EMBEDDED = "embedded";

    public TuneGateConfiguration {
        emulatorDeployments = Collections.unmodifiableMap(new LinkedHashMap<>(emulatorDeployments));
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** True when model calls go to the in-process emulator. */
    public boolean embedded() {
        return endpoint.isEmpty();
    }
}
