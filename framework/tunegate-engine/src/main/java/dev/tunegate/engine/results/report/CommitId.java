package dev.tunegate.engine.results.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The git commit a run tested: {@code GITHUB_SHA}, else {@code GIT_COMMIT}, else
 * {@code git rev-parse HEAD} in the working directory (bounded to two seconds), else null.
 */
@API(status = API.Status.INTERNAL)
public final class CommitId {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");

    private CommitId() {}

    /** Resolves the commit from CI variables or git. */
    public static String resolve(Map<String, String> environment, Path workingDirectory) {
        for (String name : new String[] {"GITHUB_SHA", "GIT_COMMIT"}) {
            String value = environment.get(name);
            if (value != null && SHA.matcher(value.trim()).matches()) {
                return value.trim();
            }
        }
        return gitHead(workingDirectory);
    }

    private static String gitHead(Path workingDirectory) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .start();
            git.getOutputStream().close();
            if (!git.waitFor(2, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.exitValue() == 0 && SHA.matcher(out).matches() ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
