package dev.tunegate.engine.matchers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What a {@link MatcherFactory} may know about the place its entry comes from: the directory of the
 * suite file (relative files such as JSON Schemas are resolved against it), the project root (files
 * may not be read from outside it) and the registry (to create nested matchers).
 *
 * @param suiteDirectory directory of the suite file
 * @param projectRoot root of the user's project; every file a matcher reads must be inside it
 * @param registry the registry the entry is being created with
 */
@API(status = API.Status.STABLE, since = "0.1")
public record MatcherContext(Path suiteDirectory, Path projectRoot, MatcherRegistry registry) {

    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    /** Normalizes both directories to absolute paths; the suite directory must be inside the root. */
    public MatcherContext {
        Objects.requireNonNull(registry, "registry");
        projectRoot = projectRoot.toAbsolutePath().normalize();
        suiteDirectory = suiteDirectory.toAbsolutePath().normalize();
        if (!suiteDirectory.startsWith(projectRoot)) {
            throw new IllegalArgumentException(
                    "suite directory " + suiteDirectory + " is outside the project root " + projectRoot);
        }
    }

    /** A context for a suite in {@code suiteDirectory} with the given project root. */
    public static MatcherContext of(Path suiteDirectory, Path projectRoot, MatcherRegistry registry) {
        return new MatcherContext(suiteDirectory, projectRoot, registry);
    }

    /** Creates a nested matcher from an entry such as {@code {contains: sorry}} (for not/all/any). */
    public Matcher create(JsonNode entry) throws MatcherDefinitionException {
        return registry.create(entry, this);
    }

    /**
     * Resolves a file named in a suite relative to the suite's directory. The file must exist, be a
     * regular file and lie inside the project root (also after following symbolic links); URLs are
     * refused, so nothing is ever fetched from the network.
     *
     * @throws MatcherDefinitionException naming the reference when any of this does not hold
     */
    public Path resolveFile(String reference) throws MatcherDefinitionException {
        if (reference == null || reference.isBlank()) {
            throw new MatcherDefinitionException("the file reference is empty");
        }
        if (URI_SCHEME.matcher(reference).matches()) {
            throw new MatcherDefinitionException("'" + reference
                    + "' is a URL; only files relative to the suite are allowed, remote references are never fetched");
        }
        Path resolved;
        try {
            resolved = suiteDirectory.resolve(reference).normalize();
        } catch (InvalidPathException e) {
            throw new MatcherDefinitionException("'" + reference + "' is not a valid file path: " + e.getReason());
        }
        if (!resolved.startsWith(projectRoot)) {
            throw new MatcherDefinitionException("'" + reference + "' points outside the project root " + projectRoot);
        }
        if (!Files.isRegularFile(resolved)) {
            throw new MatcherDefinitionException("file '" + reference + "' not found (looked for " + resolved + ")");
        }
        try {
            Path real = resolved.toRealPath();
            if (!real.startsWith(projectRoot.toRealPath())) {
                throw new MatcherDefinitionException(
                        "'" + reference + "' links to " + real + ", outside the project root " + projectRoot);
            }
            return real;
        } catch (IOException e) {
            throw new MatcherDefinitionException("file '" + reference + "' cannot be read: " + e.getMessage(), e);
        }
    }
}
