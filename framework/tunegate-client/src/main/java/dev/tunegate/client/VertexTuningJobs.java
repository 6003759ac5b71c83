package dev.tunegate.client;

import dev.tunegate.client.model.ListVertexTuningJobsResponse;
import dev.tunegate.client.model.VertexTuningJob;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.apiguardian.api.API;

/**
 * Vertex AI supervised tuning jobs ({@code projects.locations.tuningJobs}): create, get, list, cancel, and wait for
 * one to finish. Reached through {@link GeminiClient#vertexTuningJobs()}; calls go where the client's Vertex AI calls
 * go ({@code https://{L}-aiplatform.googleapis.com}, or the configured Vertex base URL) with the same credentials,
 * limits and retries.
 *
 * <p>A parent is {@code projects/P/locations/L}; a job name is {@code projects/P/locations/L/tuningJobs/ID}, or a
 * bare {@code ID} in the client's project and location ({@link GeminiClient.Builder#vertexProject}).
 *
 * <pre>{@code
 * VertexTuningJobs jobs = client.vertexTuningJobs();
 * VertexTuningJob job = jobs.create(VertexTuningJob.supervised(
 *         "gemini-2.5-flash",
 *         new VertexSupervisedTuningSpec("gs://my-bucket/train.jsonl", null, VertexHyperParameters.of(4L, null, null), null),
 *         "support-bot", null, Map.of()));
 * VertexTuningJob done = jobs.await(job, j -> System.out.println(j.state()), Duration.ofHours(2), null);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL)
public final class VertexTuningJobs {
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9_.-]*";
    private static final Pattern PARENT = Pattern.compile("projects/(" + ID + ")/locations/(" + ID + ")");
    private static final Pattern JOB = Pattern.compile(PARENT.pattern() + "/tuningJobs/" + ID);

    private final VertexRest rest;
    private final VertexSettings settings;
    private final HttpUrl baseUrl;
    private final JobPoller poller;

    VertexTuningJobs(
            VertexRest rest,
            VertexSettings settings,
            HttpUrl baseUrl,
            Duration pollInitial,
            Duration pollMax,
            Ticker ticker) {
        this.rest = rest;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.poller = new JobPoller(this, pollInitial, pollMax, ticker);
    }

    /**
     * {@code projects/P/locations/L} of the client's Vertex project and location.
     *
     * @throws IllegalArgumentException when the client has no Vertex project
     */
    public String defaultParent() {
        if (settings.project() == null) {
            throw new IllegalArgumentException("Vertex AI tuning jobs need a Google Cloud project: set vertexProject"
                    + " (tunegate.vertex.project) or name the parent projects/P/locations/L");
        }
        return "projects/" + settings.project() + "/locations/" + settings.location();
    }

    /** Creates a job in the client's project and location ({@link #defaultParent()}). */
    public VertexTuningJob create(VertexTuningJob request) {
        return create(defaultParent(), request);
    }

    /**
     * Creates a job ({@code POST /{version}/{parent}/tuningJobs}); Vertex AI answers with the job itself (usually
     * {@code JOB_STATE_PENDING}), not an operation. Build the request with {@link VertexTuningJob#supervised}.
     */
    public VertexTuningJob create(String parent, VertexTuningJob request) {
        Objects.requireNonNull(request, "request");
        String p = parent(parent);
        return rest.json("POST", url(p + "/tuningJobs", null).build(), request, VertexTuningJob.class);
    }

    /** Reads a job ({@code GET /{version}/{name}}). */
    public VertexTuningJob get(String name) {
        return rest.json("GET", url(jobName(name), null).build(), null, VertexTuningJob.class);
    }

    /**
     * One page of jobs under {@code parent} (null: {@link #defaultParent()}); {@code filter}, {@code pageSize} and
     * {@code pageToken} may be null.
     */
    public ListVertexTuningJobsResponse list(String parent, String filter, Integer pageSize, String pageToken) {
        HttpUrl.Builder url = url(parent(parent == null ? defaultParent() : parent) + "/tuningJobs", null);
        if (filter != null) {
            url.addQueryParameter("filter", filter);
        }
        if (pageSize != null) {
            url.addQueryParameter("pageSize", pageSize.toString());
        }
        if (pageToken != null) {
            url.addQueryParameter("pageToken", pageToken);
        }
        return rest.json("GET", url.build(), null, ListVertexTuningJobsResponse.class);
    }

    /** All jobs under {@code parent} (null: the default) matching {@code filter} (may be null), page by page. */
    public Stream<VertexTuningJob> listAll(String parent, String filter) {
        String p = parent(parent == null ? defaultParent() : parent);
        return PageIterator.stream(token -> {
            ListVertexTuningJobsResponse page = list(p, filter, null, token);
            return new PageIterator.Page<>(page.tuningJobs(), page.nextPageToken());
        });
    }

    /** Asks Vertex AI to cancel a job ({@code POST /{version}/{name}:cancel}); it becomes CANCELLING, then CANCELLED. */
    public void cancel(String name) {
        rest.json("POST", url(jobName(name), "cancel").build(), new Object(), Void.class);
    }

    /**
     * Reads {@code job} again and again until it reaches a terminal state and returns that state (which may be
     * failed or cancelled: look at {@link VertexTuningJob#succeeded()} and {@code error}), waiting
     * {@link GeminiClient.Builder#operationPolling} between reads and handing every read to {@code progress} (may be
     * null). When {@code cancelRequested} (may be null) turns true, {@code :cancel} is sent once and the wait goes on
     * until the job is cancelled.
     *
     * @throws GeminiApiException {@code DEADLINE_EXCEEDED} when {@code timeout} passes first, {@code CANCELLED} when
     *     the thread is interrupted (the job keeps running then), or the error of a read
     */
    public VertexTuningJob await(
            VertexTuningJob job,
            Consumer<VertexTuningJob> progress,
            Duration timeout,
            BooleanSupplier cancelRequested) {
        return poller.await(job, progress, timeout, cancelRequested);
    }

    private HttpUrl.Builder url(String name, String method) {
        Matcher m = PARENT.matcher(name);
        String location = m.lookingAt() ? m.group(2) : settings.location();
        HttpUrl base = baseUrl != null ? baseUrl : ResourceNames.vertexHost(location);
        return ResourceNames.vertexUrl(base, settings.apiVersion(), name, method);
    }

    private static String parent(String parent) {
        String p = Objects.requireNonNull(parent, "parent").strip();
        if (!PARENT.matcher(p).matches()) {
            throw new IllegalArgumentException("a tuning job parent must be projects/P/locations/L, was: " + p);
        }
        return p;
    }

    /** A full job name, or a bare id completed with the default parent. */
    private String jobName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tuning job name must not be blank");
        }
        String n = name.strip();
        if (n.matches(ID)) {
            return defaultParent() + "/tuningJobs/" + n;
        }
        if (!JOB.matcher(n).matches()) {
            throw new IllegalArgumentException(
                    "a tuning job name must be projects/P/locations/L/tuningJobs/ID or a bare ID, was: " + n);
        }
        return n;
    }

    @Override
    public String toString() {
        return "VertexTuningJobs[" + (baseUrl != null ? baseUrl : "https://{L}-aiplatform.googleapis.com") + "/"
                + settings.apiVersion() + "]";
    }
}
