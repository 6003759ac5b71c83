package dev.tunegate.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Names and URLs of one collection of Vertex AI jobs ({@code tuningJobs}, {@code batchPredictionJobs}): the parent
 * {@code projects/P/locations/L} (by default the client's project and location), a job's full name from a bare ID, and
 * the URL on the location's host (or the configured Vertex base URL).
 */
final class VertexJobPaths {
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9_.-]*";
    private static final Pattern PARENT = Pattern.compile("projects/(" + ID + ")/locations/(" + ID + ")");

    private final VertexSettings settings;
    private final HttpUrl baseUrl;
    private final String collection;
    private final String what;
    private final Pattern job;

    /**
     * @param collection e.g. {@code tuningJobs}
     * @param what       what messages call a job, e.g. {@code tuning job}
     */
    VertexJobPaths(VertexSettings settings, HttpUrl baseUrl, String collection, String what) {
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.collection = collection;
        this.what = what;
        this.job = Pattern.compile(PARENT.pattern() + "/" + collection + "/" + ID);
    }

    /** What messages call a job, e.g. {@code tuning job}. */
    String what() {
        return what;
    }

    /** {@code projects/P/locations/L} of the client's Vertex project and location. */
    String defaultParent() {
        if (settings.project() == null) {
            throw new IllegalArgumentException("Vertex AI " + what + "s need a Google Cloud project: set vertexProject"
                    + " (tunegate.vertex.project) or name the parent projects/P/locations/L");
        }
        return "projects/" + settings.project() + "/locations/" + settings.location();
    }

    /** {@code parent} checked, or the default parent when it is null. */
    String parent(String parent) {
        String p = parent == null ? defaultParent() : parent.strip();
        if (!PARENT.matcher(p).matches()) {
            throw new IllegalArgumentException("a " + what + " parent must be projects/P/locations/L, was: " + p);
        }
        return p;
    }

    /** A full job name, or a bare id completed with the default parent. */
    String jobName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " name must not be blank");
        }
        String n = name.strip();
        if (n.matches(ID)) {
            return defaultParent() + "/" + collection + "/" + n;
        }
        if (!job.matcher(n).matches()) {
            throw new IllegalArgumentException(
                    "a " + what + " name must be projects/P/locations/L/" + collection + "/ID or a bare ID, was: " + n);
        }
        return n;
    }

    /** The URL of {@code name} (a parent plus the collection, or a job) with an optional {@code :method}. */
    HttpUrl.Builder url(String name, String method) {
        Matcher m = PARENT.matcher(name);
        String location = m.lookingAt() ? m.group(2) : settings.location();
        HttpUrl base = baseUrl != null ? baseUrl : ResourceNames.vertexHost(location);
        return ResourceNames.vertexUrl(base, settings.apiVersion(), name, method);
    }

    /** The URL of the collection under {@code parent} (null: the default). */
    HttpUrl.Builder collectionUrl(String parent) {
        return url(parent(parent) + "/" + collection, null);
    }

    @Override
    public String toString() {
        return (baseUrl != null ? baseUrl : "https://{L}-aiplatform.googleapis.com") + "/" + settings.apiVersion();
    }
}
