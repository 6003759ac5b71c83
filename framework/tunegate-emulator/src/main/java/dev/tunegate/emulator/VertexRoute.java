package dev.tunegate.emulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path of the Vertex AI surface, after its version ({@code v1} or {@code v1beta1}): a
 * publisher model ({@code [projects/P/locations/L/]publishers/google/models/M}), an endpoint
 * ({@code projects/P/locations/L/endpoints/E}) or a tuned model resource
 * ({@code projects/P/locations/L/models/M[@N]}) or tuning jobs ({@code projects/P/locations/L/tuningJobs[/J]}),
 * optionally with a {@code :method}.
 *
 * @param version  {@code v1} or {@code v1beta1}
 * @param project  the project, or null on the express-mode paths without one
 * @param location the location, or null with the project
 * @param kind     what the path names
 * @param id       the model, endpoint or tuning job id (null for the tuning-jobs collection)
 * @param method   the custom method after {@code :}, or null for the resource itself
 */
record VertexRoute(String version, String project, String location, Kind kind, String id, String method) {

    /** The resources the emulator serves on the Vertex surface. */
    enum Kind {
        PUBLISHER_MODEL,
        ENDPOINT,
        MODEL,
        TUNING_JOB
    }

    private static final Pattern PATH =
            Pattern.compile("(?:projects/(?<project>[^/:]+)/locations/(?<location>[^/:]+)/)?"
                    + "(?:publishers/(?<publisher>[^/:]+)/models/(?<model>[^/:]+)|endpoints/(?<endpoint>[^/:]+)"
                    + "|models/(?<tuned>[^/:]+)|(?<jobs>tuningJobs)(?:/(?<job>[^/:]+))?)"
                    + "(?::(?<method>[^/:]+))?");

    /** Whether {@code rest} (the path after {@code /v1/}) belongs to the Vertex surface. */
    static boolean isVertex(String rest) {
        return rest.startsWith("projects/") || rest.startsWith("publishers/") || rest.startsWith("endpoints/");
    }

    /**
     * The route of {@code rest}, or null when it names nothing the emulator serves (another
     * publisher, an endpoint without a project, another collection).
     */
    static VertexRoute parse(String version, String rest) {
        Matcher m = PATH.matcher(rest);
        if (!m.matches()) {
            return null;
        }
        String project = m.group("project");
        if (m.group("jobs") != null) {
            return project == null
                    ? null
                    : new VertexRoute(
                            version, project, m.group("location"), Kind.TUNING_JOB, m.group("job"), m.group("method"));
        }
        if (m.group("tuned") != null) {
            return project == null
                    ? null
                    : new VertexRoute(
                            version, project, m.group("location"), Kind.MODEL, m.group("tuned"), m.group("method"));
        }
        if (m.group("endpoint") != null) {
            return project == null
                    ? null
                    : new VertexRoute(
                            version,
                            project,
                            m.group("location"),
                            Kind.ENDPOINT,
                            m.group("endpoint"),
                            m.group("method"));
        }
        if (!m.group("publisher").equals("google")) {
            return null;
        }
        return new VertexRoute(
                version, project, m.group("location"), Kind.PUBLISHER_MODEL, m.group("model"), m.group("method"));
    }

    /** The resource name, e.g. {@code projects/p/locations/l/endpoints/123}. */
    String resourceName() {
        String prefix = project == null ? "" : parent() + "/";
        return prefix
                + switch (kind) {
                    case ENDPOINT -> "endpoints/";
                    case MODEL -> "models/";
                    case PUBLISHER_MODEL -> "publishers/google/models/";
                    case TUNING_JOB -> id == null ? "tuningJobs" : "tuningJobs/";
                }
                + (id == null ? "" : id);
    }

    /** {@code projects/P/locations/L}, or null on the express-mode paths. */
    String parent() {
        return project == null ? null : "projects/" + project + "/locations/" + location;
    }

    /** The name under {@code /emulator/stats} of a request with {@code httpMethod}, e.g. {@code vertex.tuningJobs.create}. */
    String statsName(String httpMethod) {
        if (kind == Kind.TUNING_JOB && id == null) {
            return "vertex.tuningJobs." + (httpMethod.equals("POST") ? "create" : "list");
        }
        return statsName();
    }

    /** The name under {@code /emulator/stats}, e.g. {@code vertex.endpoints.generateContent}. */
    String statsName() {
        String collection = switch (kind) {
            case ENDPOINT -> "endpoints";
            case MODEL -> "models";
            case PUBLISHER_MODEL -> "publisherModels";
            case TUNING_JOB -> "tuningJobs";
        };
        return "vertex." + collection + "." + (method == null ? "get" : method);
    }
}
