package dev.tunegate.engine.results.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The run-level files of an Allure results directory: {@code environment.properties} (models,
 * endpoint host, versions, commit; never secrets), {@code executor.json} (from CI variables, when
 * present) and {@code categories.json} (TuneGate's failure categories).
 */
@API(status = API.Status.INTERNAL)
public final class RunArtifacts {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunArtifacts() {}

    /** Writes the three files into {@code resultsDir}; {@code environment} entries are written sorted. */
    public static void write(Path resultsDir, Map<String, String> environment, Map<String, String> ciVariables) {
        try {
            Files.createDirectories(resultsDir);
            StringBuilder properties = new StringBuilder();
            new TreeMap<>(environment)
                    .forEach((key, value) -> properties
                            .append(escape(key, true))
                            .append(" = ")
                            .append(escape(value, false))
                            .append('\n'));
            Files.writeString(resultsDir.resolve("environment.properties"), properties, StandardCharsets.ISO_8859_1);
            try (InputStream categories = RunArtifacts.class.getResourceAsStream("categories.json")) {
                Files.write(resultsDir.resolve("categories.json"), categories.readAllBytes());
            }
            Optional<ObjectNode> executor = executor(ciVariables);
            if (executor.isPresent()) {
                Files.writeString(resultsDir.resolve("executor.json"), JSON.writeValueAsString(executor.get()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Allure run files to " + resultsDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the previous run's results, containers and attachments from {@code resultsDir} (files
     * directly inside it), keeping {@code history/} so that Allure trends carry forward.
     */
    public static void clean(Path resultsDir) {
        if (!Files.isDirectory(resultsDir)) {
            return;
        }
        try (var files = Files.list(resultsDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean Allure results in " + resultsDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies the previous Allure report's {@code history/} (trend data) into {@code resultsDir/history},
     * so that the next {@code allure generate} / {@code allure:report} continues the trend charts.
     * Does nothing when there is no previous report.
     */
    public static void carryHistory(Path previousReport, Path resultsDir) {
        Path history = previousReport.resolve("history");
        if (!Files.isDirectory(history)) {
            return;
        }
        try (var files = Files.list(history)) {
            Path target = Files.createDirectories(resultsDir.resolve("history"));
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(
                        file,
                        target.resolve(file.getFileName().toString()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy Allure history from " + history + ": " + e.getMessage(), e);
        }
    }

    /** executor.json for GitHub Actions, Jenkins or GitLab CI, from their standard variables. */
    static Optional<ObjectNode> executor(Map<String, String> env) {
        ObjectNode node = JSON.createObjectNode();
        if (env.containsKey("GITHUB_RUN_ID")) {
            String server = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com");
            String repo = env.getOrDefault("GITHUB_REPOSITORY", "");
            String runUrl = server + "/" + repo + "/actions/runs/" + env.get("GITHUB_RUN_ID");
            node.put("name", "GitHub Actions")
                    .put("type", "github")
                    .put("url", server + "/" + repo)
                    .put(
                            "buildName",
                            env.getOrDefault("GITHUB_WORKFLOW", "workflow") + " #"
                                    + env.getOrDefault("GITHUB_RUN_NUMBER", env.get("GITHUB_RUN_ID")))
                    .put("buildUrl", runUrl);
            number(env.get("GITHUB_RUN_NUMBER")).ifPresent(n -> node.put("buildOrder", n));
            return Optional.of(node);
        }
        if (env.containsKey("BUILD_URL") && env.containsKey("JOB_NAME")) {
            node.put("name", "Jenkins")
                    .put("type", "jenkins")
                    .put("url", env.getOrDefault("JENKINS_URL", env.get("BUILD_URL")))
                    .put("buildName", env.get("JOB_NAME") + " #" + env.getOrDefault("BUILD_NUMBER", "?"))
                    .put("buildUrl", env.get("BUILD_URL"));
            number(env.get("BUILD_NUMBER")).ifPresent(n -> node.put("buildOrder", n));
            return Optional.of(node);
        }
        if (env.containsKey("CI_PIPELINE_URL")) {
            node.put("name", "GitLab CI")
                    .put("type", "gitlab")
                    .put("url", env.getOrDefault("CI_PROJECT_URL", env.get("CI_PIPELINE_URL")))
                    .put(
                            "buildName",
                            env.getOrDefault("CI_JOB_NAME", "job") + " #" + env.getOrDefault("CI_PIPELINE_IID", "?"))
                    .put("buildUrl", env.get("CI_PIPELINE_URL"));
            number(env.get("CI_PIPELINE_IID")).ifPresent(n -> node.put("buildOrder", n));
            return Optional.of(node);
        }
        return Optional.empty();
    }

    private static Optional<Long> number(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** java.util.Properties escaping (ISO-8859-1 with unicode escapes). */
    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> out.append('\\').append(ch);
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
