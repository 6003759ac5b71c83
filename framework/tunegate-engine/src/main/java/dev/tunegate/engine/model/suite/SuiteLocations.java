package dev.tunegate.engine.model.suite;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apiguardian.api.API;

/** Turns suite URIs into the short text shown to people (a relative path where possible). */
@API(status = API.Status.INTERNAL)
public final class SuiteLocations {

    private SuiteLocations() {}

    /** A path relative to the working directory for files, the resource name for classpath URIs. */
    public static String display(URI uri) {
        if (uri == null) {
            return "<unknown>";
        }
        if ("file".equals(uri.getScheme())) {
            Path path = Paths.get(uri);
            Path cwd = Paths.get("").toAbsolutePath();
            return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
        }
        if ("classpath".equals(uri.getScheme())) {
            String s = uri.getSchemeSpecificPart();
            return s.startsWith("/") ? s.substring(1) : s;
        }
        return uri.toString();
    }
}
