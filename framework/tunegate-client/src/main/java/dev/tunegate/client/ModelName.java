package dev.tunegate.client;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A model name as a user writes it, parsed into the backend that serves it. The Gemini API serves
 * {@code models/M} and {@code tunedModels/T} (a bare id means {@code models/id}); Vertex AI serves
 * {@code projects/P/locations/L/endpoints/E}, {@code projects/P/locations/L/publishers/google/models/M}, the short
 * {@code publishers/google/models/M} (project and location completed from the client's settings) and tuned model
 * resources {@code projects/P/locations/L/models/M[@N]} (served by their default endpoint).
 *
 * <pre>{@code
 * ModelName.parse("projects/demo/locations/us-central1/endpoints/123").vertex();   // true
 * }</pre>
 *
 * @param kind     which of the forms it is
 * @param name     the name as written (stripped; a bare id is prefixed with {@code models/})
 * @param project  the project for Vertex names that carry one
 * @param location the location for Vertex names that carry one
 * @param version  the {@code @N} version of a tuned model resource
 */
@API(status = API.Status.EXPERIMENTAL)
public record ModelName(
        Kind kind, String name, Optional<String> project, Optional<String> location, Optional<String> version) {

    /** The forms a model name may take. */
    @API(status = API.Status.EXPERIMENTAL)
    public enum Kind {
        /** {@code models/M} on the Gemini API. */
        GEMINI_MODEL(false),
        /** {@code tunedModels/T} on the Gemini API. */
        GEMINI_TUNED_MODEL(false),
        /** {@code [projects/P/locations/L/]publishers/google/models/M}: a Vertex AI base model. */
        VERTEX_PUBLISHER_MODEL(true),
        /** {@code projects/P/locations/L/endpoints/E}: a Vertex AI endpoint (a tuned model or a checkpoint). */
        VERTEX_ENDPOINT(true),
        /** {@code projects/P/locations/L/models/M[@N]}: a Vertex AI tuned model resource. */
        VERTEX_TUNED_MODEL(true);

        private final boolean vertex;

        Kind(boolean vertex) {
            this.vertex = vertex;
        }
    }

    /** One resource id: what the suite schema's {@code modelName} allows. */
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9_.-]*";

    private static final String PROJECT_LOCATION = "projects/(" + ID + ")/locations/(" + ID + ")/";
    private static final Pattern GEMINI = Pattern.compile("(models|tunedModels)/" + ID);
    private static final Pattern PUBLISHER =
            Pattern.compile("(?:" + PROJECT_LOCATION + ")?publishers/google/models/" + ID);
    private static final Pattern ENDPOINT = Pattern.compile(PROJECT_LOCATION + "endpoints/" + ID);
    private static final Pattern TUNED = Pattern.compile(PROJECT_LOCATION + "models/" + ID + "(?:@(" + ID + "))?");

    /** The accepted forms, for messages. */
    public static final String FORMS = "models/M, tunedModels/T, projects/P/locations/L/endpoints/E,"
            + " projects/P/locations/L/publishers/google/models/M, publishers/google/models/M or"
            + " projects/P/locations/L/models/M[@N]";

    public ModelName {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Parses a model name.
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is none of them
     */
    public static ModelName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        String n = text.strip();
        if (!n.contains("/") && n.matches(ID)) {
            n = "models/" + n;
        }
        Matcher m;
        if ((m = GEMINI.matcher(n)).matches()) {
            Kind kind = m.group(1).equals("models") ? Kind.GEMINI_MODEL : Kind.GEMINI_TUNED_MODEL;
            return new ModelName(kind, n, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if ((m = PUBLISHER.matcher(n)).matches()) {
            return new ModelName(
                    Kind.VERTEX_PUBLISHER_MODEL,
                    n,
                    Optional.ofNullable(m.group(1)),
                    Optional.ofNullable(m.group(2)),
                    Optional.empty());
        }
        if ((m = ENDPOINT.matcher(n)).matches()) {
            return new ModelName(
                    Kind.VERTEX_ENDPOINT, n, Optional.of(m.group(1)), Optional.of(m.group(2)), Optional.empty());
        }
        if ((m = TUNED.matcher(n)).matches()) {
            return new ModelName(
                    Kind.VERTEX_TUNED_MODEL,
                    n,
                    Optional.of(m.group(1)),
                    Optional.of(m.group(2)),
                    Optional.ofNullable(m.group(3)));
        }
        throw new IllegalArgumentException("'" + text.strip() + "' is not a model name; use " + FORMS);
    }

    /** True when Vertex AI serves it, false for the Gemini API. */
    public boolean vertex() {
        return kind.vertex;
    }

    /** True for the short {@code publishers/google/models/M}, which needs a project and location (or express mode). */
    public boolean needsProject() {
        return kind == Kind.VERTEX_PUBLISHER_MODEL && project.isEmpty();
    }

    /**
     * The name with its project replaced by {@code -} (and a short publisher name kept short): the same for every
     * developer who calls the same model, so that it can key recordings.
     */
    public String portableName() {
        return project.map(p -> name.replaceFirst("^projects/" + Pattern.quote(p) + "/", "projects/-/"))
                .orElse(name);
    }

    /**
     * The wire call that embeds texts with this model, as Google's official SDKs choose it (google-genai 2.3.0,
     * {@code Models.embedContent} and {@code Transformers.tIsVertexEmbedContentModel}): {@code batchEmbedContents} on
     * the Gemini API; on Vertex AI {@code embedContent} for Gemini embedding models other than
     * {@code gemini-embedding-001} (e.g. {@code gemini-embedding-2-preview}) and for {@code maas} models, and
     * {@code predict} for every other model and endpoint ({@code text-embedding-005}, {@code gemini-embedding-001},
     * {@code text-multilingual-embedding-002}, a tuned embedding model's endpoint).
     */
    public String embeddingMethod() {
        if (!vertex()) {
            return "batchEmbedContents";
        }
        String id = lastSegment();
        boolean embedContent = kind == Kind.VERTEX_PUBLISHER_MODEL
                && ((id.contains("gemini") && !id.contains("gemini-embedding-001")) || id.contains("maas"));
        return embedContent ? "embedContent" : "predict";
    }

    /**
     * The most texts one {@link #embeddingMethod()} call may carry: 100 for the Gemini API's
     * {@code batchEmbedContents}; on Vertex AI 250 instances per {@code predict} (the text embeddings API's limit),
     * but 1 for {@code gemini-embedding-001}, which takes one instance per request, and 1 for {@code embedContent},
     * which embeds one content.
     */
    public int embeddingBatchLimit() {
        if (!vertex()) {
            return 100;
        }
        if (embeddingMethod().equals("embedContent") || lastSegment().contains("gemini-embedding-001")) {
            return 1;
        }
        return 250;
    }

    private String lastSegment() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** The full name of a short publisher model in {@code project} and {@code location}; other names unchanged. */
    ModelName completed(String project, String location) {
        if (!needsProject()) {
            return this;
        }
        return parse("projects/" + project + "/locations/" + location + "/" + name);
    }

    @Override
    public String toString() {
        return name;
    }
}
