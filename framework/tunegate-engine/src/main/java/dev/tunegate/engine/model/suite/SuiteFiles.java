package dev.tunegate.engine.model.suite;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Finds and reads suite files and the files they refer to ({@code casesFrom}, training data, JSON
 * Schemas): {@code classpath:} and {@code file:} URIs, relative paths resolved against the suite and
 * never allowed to leave the project root (the classpath root for classpath suites).
 */
@API(status = API.Status.INTERNAL)
public final class SuiteFiles {

    private final Path projectRoot;
    private final long maxBytes;
    private final ClassLoader classLoader;

    /**
     * @param projectRoot root that {@code file:} suites may not escape, or null for the working
     *                    directory (or, for a suite outside it, the suite's own directory)
     * @param maxBytes    files larger than this are refused
     */
    public SuiteFiles(Path projectRoot, long maxBytes, ClassLoader classLoader) {
        this.projectRoot =
                projectRoot == null ? null : projectRoot.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.classLoader = classLoader;
    }

    /** True for {@code *.eval.yaml} and {@code *.eval.yml} (and never for any other YAML file). */
    public static boolean isSuiteName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".eval.yaml") || lower.endsWith(".eval.yml");
    }

    /** The canonical URI of a classpath resource name, e.g. {@code classpath:/suites/a.eval.yaml}. */
    public static URI classpathUri(String resourceName) {
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        return URI.create("classpath:/" + encodePath(name));
    }

    /** The resource name of a {@code classpath:} URI, without leading slash. */
    public static String resourceName(URI uri) {
        String path = uri.getPath() != null ? uri.getPath() : uri.getSchemeSpecificPart();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String encodePath(String name) {
        try {
            return new URI(null, null, "/" + name, null).getRawPath().substring(1);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Reads a file as UTF-8, refusing files over the size limit. */
    public String read(URI uri) throws IOException {
        byte[] bytes = readBytes(uri);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Reads a file's bytes, refusing files over the size limit. */
    public byte[] readBytes(URI uri) throws IOException {
        if ("classpath".equals(uri.getScheme())) {
            String name = resourceName(uri);
            try (InputStream in = classLoader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new NoSuchFileException("classpath resource " + name);
                }
                return limited(in, uri);
            }
        }
        if ("file".equals(uri.getScheme())) {
            Path path = Paths.get(uri);
            if (Files.size(path) > maxBytes) {
                throw new IOException(tooLarge());
            }
            return Files.readAllBytes(path);
        }
        try (InputStream in = uri.toURL().openStream()) {
            return limited(in, uri);
        }
    }

    private byte[] limited(InputStream in, URI uri) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new IOException(tooLarge());
        }
        return bytes;
    }

    private String tooLarge() {
        return "the file is larger than the limit of " + maxBytes + " bytes (tunegate.suite.max-bytes)";
    }

    /**
     * Resolves a path written in a suite against the suite's location.
     *
     * @throws IllegalArgumentException when the path is absolute or leaves the project root
     */
    public URI resolve(URI suite, String relative) {
        if (relative.startsWith("/") || relative.contains("\\") || relative.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            throw new IllegalArgumentException("'" + relative + "' must be a relative path with '/' separators");
        }
        if ("classpath".equals(suite.getScheme())) {
            java.util.ArrayDeque<String> segments = new java.util.ArrayDeque<>();
            String[] base = resourceName(suite).split("/");
            for (int i = 0; i < base.length - 1; i++) {
                segments.addLast(base[i]);
            }
            for (String segment : relative.split("/")) {
                if (segment.isEmpty() || segment.equals(".")) {
                    continue;
                }
                if (segment.equals("..")) {
                    if (segments.isEmpty()) {
                        throw new IllegalArgumentException("'" + relative + "' leaves the classpath root");
                    }
                    segments.removeLast();
                } else {
                    segments.addLast(segment);
                }
            }
            return classpathUri(String.join("/", segments));
        }
        if ("file".equals(suite.getScheme())) {
            Path suitePath = Paths.get(suite).toAbsolutePath().normalize();
            Path target = suitePath.getParent().resolve(relative).normalize();
            Path root = rootFor(suitePath);
            if (!target.startsWith(root)) {
                throw new IllegalArgumentException("'" + relative + "' leaves the project root " + root);
            }
            return target.toUri();
        }
        throw new IllegalArgumentException("cannot resolve '" + relative + "' against " + suite);
    }

    private Path rootFor(Path suitePath) {
        if (projectRoot != null) {
            return projectRoot;
        }
        Path cwd = Paths.get("").toAbsolutePath().normalize();
        return suitePath.startsWith(cwd) ? cwd : suitePath.getParent();
    }

    /** The lower-case extension of the path in a URI ({@code jsonl}, {@code csv}, {@code yaml}). */
    public static String extension(URI uri) {
        String path = uri.getPath() == null ? uri.getSchemeSpecificPart() : uri.getPath();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
