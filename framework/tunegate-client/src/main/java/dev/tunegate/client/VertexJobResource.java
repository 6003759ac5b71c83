package dev.tunegate.client;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import okhttp3.HttpUrl;

/**
 * The REST calls every kind of Vertex AI long-running job resource answers ({@code tuningJobs},
 * {@code batchPredictionJobs}): create, get, list, cancel, and wait for a job to finish. {@link VertexTuningJobs} and
 * {@link VertexBatchPredictionJobs} are this for their job type plus what only their kind has.
 *
 * @param <J> the job's wire type
 */
final class VertexJobResource<J> {
    private final VertexRest rest;
    private final VertexJobPaths paths;
    private final Class<J> type;
    private final JobPoller<J> poller;

    /**
     * @param paths      the collection's names and URLs (it also says what messages call a job)
     * @param type       the job's wire type
     * @param name       a job's resource name
     * @param state      a job's state, for progress and messages
     * @param isDone     whether a job reached a terminal state
     * @param cancelHint the call a user makes to cancel a job, named when a wait is interrupted
     */
    VertexJobResource(
            VertexRest rest,
            VertexJobPaths paths,
            Class<J> type,
            Function<J, String> name,
            Function<J, Object> state,
            Predicate<J> isDone,
            String cancelHint,
            Duration pollInitial,
            Duration pollMax,
            Ticker ticker) {
        this.rest = rest;
        this.paths = paths;
        this.type = type;
        this.poller = new JobPoller<>(
                new JobPoller.Jobs<>(paths.what(), name, state, isDone, this::get, this::cancel, cancelHint),
                pollInitial,
                pollMax,
                ticker);
    }

    /** {@code projects/P/locations/L} of the client's Vertex project and location. */
    String defaultParent() {
        return paths.defaultParent();
    }

    /** {@code parent} checked, or the default parent when it is null. */
    String parent(String parent) {
        return paths.parent(parent);
    }

    /** {@code POST /{version}/{parent}/{collection}}: Vertex AI answers with the job itself, not an operation. */
    J create(String parent, J request) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(parent, "parent");
        return rest.json("POST", paths.collectionUrl(parent).build(), request, type);
    }

    /** {@code GET /{version}/{name}}; {@code name} may be a bare ID in the default parent. */
    J get(String name) {
        return rest.json("GET", paths.url(paths.jobName(name), null).build(), null, type);
    }

    /** One page of jobs under {@code parent} (null: the default); {@code filter}, {@code pageSize}, {@code pageToken} may be null. */
    <L> L list(String parent, String filter, Integer pageSize, String pageToken, Class<L> page) {
        HttpUrl.Builder url = paths.collectionUrl(parent);
        if (filter != null) {
            url.addQueryParameter("filter", filter);
        }
        if (pageSize != null) {
            url.addQueryParameter("pageSize", pageSize.toString());
        }
        if (pageToken != null) {
            url.addQueryParameter("pageToken", pageToken);
        }
        return rest.json("GET", url.build(), null, page);
    }

    /** {@code POST /{version}/{name}:cancel}. */
    void cancel(String name) {
        rest.json("POST", paths.url(paths.jobName(name), "cancel").build(), new Object(), Void.class);
    }

    /** See {@link VertexTuningJobs#await}. */
    J await(J job, Consumer<J> progress, Duration timeout, BooleanSupplier cancelRequested) {
        return poller.await(job, progress, timeout, cancelRequested);
    }

    @Override
    public String toString() {
        return paths.toString();
    }
}
