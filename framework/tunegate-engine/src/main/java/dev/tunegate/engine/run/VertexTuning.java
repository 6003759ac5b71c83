package dev.tunegate.engine.run;

import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.model.suite.SuiteLocations;
import dev.tunegate.engine.model.suite.TuneSpec;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Makes the Vertex AI tuning jobs of variants ready and finds the endpoints their variants call. A {@code tune:} block
 * with {@code provider: vertex} reuses a job with the same display name and the same content hash
 * ({@link VertexTuningHash}, in the job's labels) that did not fail, and otherwise uploads its local files to the
 * staging bucket and creates a new job; either way the log says which job and why. A {@code tuningJob:} is used as it
 * is. The job is awaited with progress, then a variant calls its checkpoint's endpoint ({@code cand@3}) or the tuned
 * model's endpoint.
 */
final class VertexTuning {

    /** The staging bucket of local training files on the embedded emulator when none is configured. */
    static final String EMBEDDED_BUCKET = "tunegate-staging";

    private final TuningJobPort jobs;
    private final SuiteFiles files;
    private final Optional<String> stagingBucket;
    private final Duration timeout;
    private final Consumer<String> progress;
    private final Executor executor;
    private final Map<Object, CompletableFuture<TuningJobPort.Job>> ready = new ConcurrentHashMap<>();
    private final Map<String, VariantCheckpoint> resolved = new ConcurrentHashMap<>();

    /**
     * @param stagingBucket where local training files go ({@code tunegate.vertex.staging-bucket})
     * @param timeout       how long to wait for a job ({@code tunegate.tuning.timeout})
     */
    VertexTuning(
            TuningJobPort jobs,
            SuiteFiles files,
            Optional<String> stagingBucket,
            Duration timeout,
            Consumer<String> progress,
            Executor executor) {
        this.jobs = jobs;
        this.files = files;
        this.stagingBucket = stagingBucket;
        this.timeout = timeout;
        this.progress = progress;
        this.executor = executor;
    }

    /** The endpoint {@code variant} calls, once its job has succeeded; fails with why it cannot be called. */
    CompletableFuture<String> ready(ModelVariant variant) {
        Object key = variant.tuningJob().isPresent()
                ? variant.tuningJob().get()
                : variant.tune().get();
        return ready.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> job(variant), executor))
                .thenApply(job -> endpoint(variant, job));
    }

    /** The checkpoint a checkpoint variant was found to call (epoch, step, endpoint), once it is ready. */
    Optional<VariantCheckpoint> resolved(String variant) {
        return Optional.ofNullable(resolved.get(variant));
    }

    private TuningJobPort.Job job(ModelVariant variant) {
        TuningJobPort.Job job = variant.tuningJob().isPresent()
                ? jobs.get(variant.tuningJob().get())
                : reusedOrCreated(
                        variant.checkpoint().map(VariantCheckpoint::variant).orElse(variant.name()),
                        variant.tune().get());
        if (!job.ended()) {
            job = jobs.await(job.name(), new StateLog(job.name()), timeout);
        }
        if (!job.succeeded()) {
            throw new GeminiGateway.TuningFailedException("tuning job " + job.name() + " ended in " + job.state()
                    + job.error().map(e -> ": " + e).orElse(""));
        }
        return job;
    }

    private TuningJobPort.Job reusedOrCreated(String variant, TuneSpec tune) {
        String hash;
        try {
            hash = VertexTuningHash.of(tune, files);
        } catch (IOException e) {
            throw new GeminiGateway.TuningFailedException(
                    "cannot read the tuning data of variant '" + variant + "': " + e.getMessage(), e);
        }
        String name = tune.displayName().orElseThrow();
        List<TuningJobPort.Job> named =
                jobs.list().stream().filter(j -> name.equals(j.displayName())).toList();
        Optional<TuningJobPort.Job> same = named.stream()
                .filter(j -> hash.equals(j.labels().get(VertexTuningHash.LABEL)) && !j.failed())
                .reduce((first, later) -> later);
        if (same.isPresent()) {
            progress.accept("reusing tuning job " + same.get().name() + " ("
                    + same.get().state() + ") for variant '"
                    + variant + "': same display name '" + name + "' and content hash " + hash
                    + " (training data and settings unchanged)");
            return same.get();
        }
        progress.accept("creating a tuning job for variant '" + variant + "': " + why(named, name, hash));
        TuningJobPort.Job created = jobs.create(new TuningJobPort.NewJob(
                tune.baseModel(),
                staged(tune.trainingData(), hash),
                tune.validationData().map(uri -> staged(uri, hash)),
                tune.hyperparameters(),
                name,
                Map.of(VertexTuningHash.LABEL, hash)));
        progress.accept("created tuning job " + created.name() + " (" + created.state() + ")");
        return created;
    }

    /** Why no job is reused, for the log: none with the name, or the hashes of those with it. */
    private static String why(List<TuningJobPort.Job> named, String name, String hash) {
        if (named.isEmpty()) {
            return "no tuning job named '" + name + "' exists (content hash " + hash + ")";
        }
        String others = named.stream()
                .map(j -> j.name() + " has content hash "
                        + j.labels().getOrDefault(VertexTuningHash.LABEL, "(none)")
                        + (j.failed() ? " and ended in " + j.state() : ""))
                .collect(Collectors.joining("; "));
        return "this tune block hashes to " + hash + " (its training data or settings changed), but " + others;
    }

    /** A local file uploaded to the staging bucket ({@code gs://B/tunegate/<hash>/<file>}); gs:// URIs as written. */
    private String staged(URI data, String hash) {
        if ("gs".equals(data.getScheme())) {
            return data.toString();
        }
        String bucket = stagingBucket.orElseThrow(() -> new GeminiGateway.TuningFailedException(
                "cannot upload " + SuiteLocations.display(data) + " for Vertex AI tuning: set"
                        + " tunegate.vertex.staging-bucket to a Cloud Storage bucket, or write a gs:// URI"));
        String path = data.getPath() == null ? data.getSchemeSpecificPart() : data.getPath();
        String object = "tunegate/" + hash + "/" + path.substring(path.lastIndexOf('/') + 1);
        try {
            String uri = jobs.upload(bucket, object, files.readBytes(data));
            progress.accept("uploaded " + SuiteLocations.display(data) + " to " + uri);
            return uri;
        } catch (IOException e) {
            throw new GeminiGateway.TuningFailedException(
                    "cannot read " + SuiteLocations.display(data) + ": " + e.getMessage(), e);
        }
    }

    private String endpoint(ModelVariant variant, TuningJobPort.Job job) {
        if (variant.checkpoint().isEmpty()) {
            return job.endpoint()
                    .orElseThrow(() -> new GeminiGateway.TuningFailedException(
                            "tuning job " + job.name() + " succeeded but has no tuned model endpoint"));
        }
        VariantCheckpoint planned = variant.checkpoint().get();
        List<TuningJobPort.Checkpoint> points = job.checkpoints().stream()
                .sorted(Comparator.comparingInt(TuningJobPort.Checkpoint::epoch))
                .toList();
        TuningJobPort.Checkpoint point = points.stream()
                .filter(p -> p.checkpointId().equals(planned.checkpointId()))
                .findFirst()
                .orElseThrow(() -> new GeminiGateway.TuningFailedException("tuning job " + job.name()
                        + " has no checkpoint " + planned.checkpointId() + " (its checkpoints: "
                        + points.stream()
                                .map(TuningJobPort.Checkpoint::checkpointId)
                                .collect(Collectors.joining(", "))
                        + "), so variant '" + variant.name() + "' cannot run"));
        resolved.put(
                variant.name(),
                new VariantCheckpoint(
                        planned.variant(),
                        job.name(),
                        point.checkpointId(),
                        point.epoch(),
                        point.step(),
                        point.endpoint(),
                        job.endpoint().map(point.endpoint()::equals).orElse(false)));
        return point.endpoint();
    }

    /** Logs a job's state when it changes. */
    private final class StateLog implements Consumer<TuningJobPort.Job> {
        private final String name;
        private String last;

        StateLog(String name) {
            this.name = name;
        }

        @Override
        public void accept(TuningJobPort.Job job) {
            if (!job.state().equals(last)) {
                last = job.state();
                progress.accept("tuning job " + name + ": " + job.state());
            }
        }
    }
}
