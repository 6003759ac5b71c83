package dev.tunegate.client;

import dev.tunegate.client.model.ListVertexTuningJobsResponse;
import dev.tunegate.client.model.VertexTuningJob;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
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
    private final VertexJobResource<VertexTuningJob> jobs;

    VertexTuningJobs(
            VertexRest rest,
            VertexSettings settings,
            HttpUrl baseUrl,
            Duration pollInitial,
            Duration pollMax,
            Ticker ticker) {
        this.jobs = new VertexJobResource<>(
                rest,
                new VertexJobPaths(settings, baseUrl, "tuningJobs", "tuning job"),
                VertexTuningJob.class,
                VertexTuningJob::name,
                VertexTuningJob::state,
                VertexTuningJob::isDone,
                "VertexTuningJobs.cancel",
                pollInitial,
                pollMax,
                ticker);
    }

    /**
     * {@code projects/P/locations/L} of the client's Vertex project and location.
     *
     * @throws IllegalArgumentException when the client has no Vertex project
     */
    public String defaultParent() {
        return jobs.defaultParent();
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
        return jobs.create(parent, request);
    }

    /** Reads a job ({@code GET /{version}/{name}}). */
    public VertexTuningJob get(String name) {
        return jobs.get(name);
    }

    /**
     * One page of jobs under {@code parent} (null: {@link #defaultParent()}); {@code filter}, {@code pageSize} and
     * {@code pageToken} may be null.
     */
    public ListVertexTuningJobsResponse list(String parent, String filter, Integer pageSize, String pageToken) {
        return jobs.list(parent, filter, pageSize, pageToken, ListVertexTuningJobsResponse.class);
    }

    /** All jobs under {@code parent} (null: the default) matching {@code filter} (may be null), page by page. */
    public Stream<VertexTuningJob> listAll(String parent, String filter) {
        String p = jobs.parent(parent);
        return PageIterator.stream(token -> {
            ListVertexTuningJobsResponse page = list(p, filter, null, token);
            return new PageIterator.Page<>(page.tuningJobs(), page.nextPageToken());
        });
    }

    /** Asks Vertex AI to cancel a job ({@code POST /{version}/{name}:cancel}); it becomes CANCELLING, then CANCELLED. */
    public void cancel(String name) {
        jobs.cancel(name);
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
        return jobs.await(job, progress, timeout, cancelRequested);
    }

    @Override
    public String toString() {
        return "VertexTuningJobs[" + jobs + "]";
    }
}
