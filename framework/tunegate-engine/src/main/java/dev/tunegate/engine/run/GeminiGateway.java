package dev.tunegate.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.GeminiApiException;
import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.ModelName;
import dev.tunegate.client.VertexDeployment;
import dev.tunegate.client.model.CreateTunedModelMetadata;
import dev.tunegate.client.model.Dataset;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.Hyperparameters;
import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.client.model.TuningExample;
import dev.tunegate.client.model.TuningSnapshot;
import dev.tunegate.client.model.TuningTask;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.model.suite.SuiteLocations;
import dev.tunegate.engine.model.suite.TuneSpec;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The {@link ModelGateway} over {@link GeminiClient}: asynchronous {@code generateContent} (or
 * {@code streamGenerateContent} with time to first chunk) and tuned-model provisioning — look the
 * model up, create it from the training file when it does not exist, reuse it only when it was tuned
 * from the same data and settings, and await the operation.
 */
final class GeminiGateway implements ModelGateway {

    private static final ObjectMapper MAPPER = GeminiJson.newMapper();
    private static final Logger LOG = Logger.getLogger("dev.tunegate.engine");

    private final GeminiClient client;
    private final boolean streaming;
    private final Duration tuningTimeout;
    private final SuiteFiles files;
    private final Consumer<String> progress;
    private final boolean replace;
    private VertexTuning vertexTuning;
    private final Map<String, CompletableFuture<String>> ready = new ConcurrentHashMap<>();
    private final Map<String, TuningReport> tunings = new ConcurrentHashMap<>();
    private final ExecutorService tuningThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tunegate-tuning");
        t.setDaemon(true);
        return t;
    });

    GeminiGateway(
            GeminiClient client,
            boolean streaming,
            Duration tuningTimeout,
            SuiteFiles files,
            Consumer<String> progress,
            boolean replace) {
        this.client = client;
        this.replace = replace;
        this.streaming = streaming;
        this.tuningTimeout = tuningTimeout;
        this.files = files;
        this.progress = progress;
    }

    @Override
    public CompletableFuture<ModelAnswer> generate(String model, GenerateContentRequest request) {
        if (streaming) {
            return client.streamGenerateContentAsync(model, request, null)
                    .thenApply(r -> new ModelAnswer(
                            r.response(), r.total(), Optional.ofNullable(r.timeToFirstChunk()), r.retries()));
        }
        return client.generateContentAsync(model, request)
                .thenApply(r -> new ModelAnswer(r.response(), r.latency(), Optional.empty(), r.retries()));
    }

    /** Vertex AI names need Google credentials (unless the client sends none or an express key): checked once. */
    @Override
    public void checkAccess(Collection<String> models) {
        boolean vertex = models.stream().anyMatch(m -> {
            try {
                return ModelName.parse(m).vertex();
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
        if (vertex) {
            client.checkVertexCredentials();
        }
    }

    @Override
    public CompletableFuture<List<double[]>> embed(String model, List<String> texts) {
        return client.embedContentsAsync(model, texts);
    }

    @Override
    public CompletableFuture<String> ready(ModelVariant variant) {
        if (variant.vertexTuning()) {
            if (vertexTuning == null) {
                return CompletableFuture.failedFuture(new TuningFailedException("variant '" + variant.name()
                        + "' needs a Vertex AI tuning job, which this gateway cannot reach"));
            }
            return vertexTuning.ready(variant);
        }
        if (variant.tune().isEmpty()) {
            if (isVertexModelResource(variant.model())) {
                return ready.computeIfAbsent(
                        variant.model(), name -> CompletableFuture.supplyAsync(() -> resolve(name), tuningThreads));
            }
            return CompletableFuture.completedFuture(variant.model());
        }
        return ready.computeIfAbsent(
                variant.model(),
                name -> CompletableFuture.supplyAsync(
                        () -> provision(name, variant.tune().get()), tuningThreads));
    }

    @Override
    public Optional<VariantCheckpoint> checkpoint(ModelVariant variant) {
        return vertexTuning == null || variant.checkpoint().isEmpty()
                ? variant.checkpoint()
                : vertexTuning.resolved(variant.name()).or(variant::checkpoint);
    }

    private static boolean isVertexModelResource(String model) {
        try {
            return ModelName.parse(model).kind() == ModelName.Kind.VERTEX_TUNED_MODEL;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Reads a Vertex AI tuned model resource once (the client keeps where it is served) and reports its version
     * and endpoint; calls keep the name as written, so that results and recordings name what the suite names.
     */
    private String resolve(String name) {
        VertexDeployment deployment = client.resolveVertexModel(name);
        progress.accept(name + " (version " + (deployment.versionId() == null ? "?" : deployment.versionId())
                + ") is served by " + deployment.endpoint());
        return name;
    }

    /** Makes the Vertex AI tuning jobs of variants ready through {@code jobs} (on the gateway's tuning threads). */
    GeminiGateway withVertexTuning(TuningJobPort jobs, Optional<String> stagingBucket) {
        this.vertexTuning = new VertexTuning(jobs, files, stagingBucket, tuningTimeout, progress, tuningThreads);
        return this;
    }

    /** What provisioning did for a tuned model, once it is done. */
    Optional<TuningReport> tuning(String model) {
        return Optional.ofNullable(tunings.get(model));
    }

    /**
     * Makes {@code name} ready: creates it when it does not exist; reuses it when the hash in its
     * description matches the tune block's ({@link TuningFingerprint}) or when it has none (a model made
     * by hand, with a warning); otherwise fails, or with {@code tunegate.tune.replace=true} deletes it
     * and tunes it again.
     */
    private String provision(String name, TuneSpec tune) {
        List<TuningExample> examples;
        try {
            examples = TrainingData.read(files, tune.trainingData());
        } catch (IOException e) {
            throw new TuningFailedException("cannot read the training data of " + name + ": " + e.getMessage(), e);
        }
        String hash = TuningFingerprint.of(tune, examples);
        TunedModel existing;
        try {
            existing = client.getTunedModel(name);
        } catch (GeminiApiException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
            return create(name, tune, examples, hash);
        }
        Optional<String> stored = TuningFingerprint.in(existing.description());
        if (stored.isPresent() && !stored.get().equals(hash)) {
            if (!replace) {
                throw new TuningFailedException(staleMessage(name, tune, examples.size(), stored.get(), hash));
            }
            progress.accept("replacing " + name + " (tunegate.tune.replace=true): it was tuned with "
                    + TuningFingerprint.MARKER + stored.get() + ", the tune block now hashes to " + hash);
            client.deleteTunedModel(name);
            return create(name, tune, examples, hash);
        }
        if (existing.state() == TunedModel.State.FAILED) {
            throw new TuningFailedException(
                    "tuned model " + name + " exists in state FAILED; delete it to tune it again");
        }
        if (stored.isEmpty()) {
            LOG.warning(() -> "TuneGate: reusing " + name + " (" + existing.state() + ") without checking it: its"
                    + " description has no " + TuningFingerprint.MARKER + " hash (not created by TuneGate?), so"
                    + " TuneGate cannot tell whether it was tuned from this tune block's data and settings ("
                    + TuningFingerprint.MARKER + hash + ")");
        } else {
            progress.accept("reusing " + name + " (" + existing.state() + ", " + TuningFingerprint.MARKER + hash
                    + ": same training data and settings)");
        }
        if (existing.state() == TunedModel.State.ACTIVE) {
            tunings.put(name, new TuningReport(name, "already ACTIVE", 0, null));
            return name;
        }
        List<Operation> operations =
                Optional.ofNullable(client.listOperations(name).operations()).orElse(List.of());
        if (operations.isEmpty()) {
            throw new TuningFailedException(
                    "tuned model " + name + " is " + existing.state() + " and has no operation to wait for");
        }
        return await(name, operations.get(operations.size() - 1));
    }

    private static String staleMessage(String name, TuneSpec tune, int examples, String stored, String hash) {
        return "tuned model " + name + " is stale: it was tuned from other training data or settings than its tune"
                + " block now gives."
                + "\n  the model's description: " + TuningFingerprint.MARKER + stored
                + "\n  the tune block:          " + TuningFingerprint.MARKER + hash + " (base model "
                + tune.baseModel() + ", hyperparameters, " + examples + " examples of "
                + SuiteLocations.display(tune.trainingData()) + ")"
                + "\nTuneGate does not reuse it. Either give the variant a new model id (model: tunedModels/<new-id>),"
                + " or set tunegate.tune.replace=true to delete " + name + " and tune it again.";
    }

    private String create(String name, TuneSpec tune, List<TuningExample> examples, String hash) {
        Hyperparameters hyperparameters;
        try {
            hyperparameters = tune.hyperparameters() == null
                    ? null
                    : MAPPER.treeToValue(tune.hyperparameters(), Hyperparameters.class);
        } catch (IOException e) {
            throw new TuningFailedException("cannot read the hyperparameters of " + name + ": " + e.getMessage(), e);
        }
        Dataset data = Dataset.of(examples);
        TunedModel body = TunedModel.builder()
                .baseModel(tune.baseModel())
                .displayName(tune.displayName().orElse(null))
                .description(TuningFingerprint.description(hash, tune.description()))
                .tuningTask(TuningTask.of(data, hyperparameters))
                .build();
        String id = name.substring("tunedModels/".length());
        progress.accept("tuning " + name + " from " + tune.baseModel() + " with "
                + data.examples().examples().size() + " examples (" + TuningFingerprint.MARKER + hash + ")");
        Operation operation = client.createTunedModel(body, id);
        return await(name, operation);
    }

    private String await(String name, Operation operation) {
        long start = System.nanoTime();
        Operation done = client.awaitOperation(
                operation, op -> op.createTunedModelMetadata().ifPresent(m -> report(name, m)), tuningTimeout);
        if (done.error() != null) {
            throw new TuningFailedException("tuning " + name + " failed: operation " + done.name() + " ended with "
                    + done.error().status() + " (" + done.error().code() + "): "
                    + done.error().message());
        }
        Double loss = done.createTunedModelMetadata()
                .map(CreateTunedModelMetadata::snapshots)
                .filter(s -> !s.isEmpty())
                .map(s -> s.get(s.size() - 1))
                .map(TuningSnapshot::meanLoss)
                .orElse(null);
        int steps = done.createTunedModelMetadata()
                .map(CreateTunedModelMetadata::totalSteps)
                .orElse(0);
        tunings.put(
                name,
                new TuningReport(
                        name,
                        "tuned in "
                                + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms",
                        steps,
                        loss));
        progress.accept(
                "tuned " + name + " (" + steps + " steps" + (loss == null ? "" : ", final loss " + loss(loss)) + ")");
        return name;
    }

    private void report(String name, CreateTunedModelMetadata metadata) {
        StringBuilder line = new StringBuilder("tuning ")
                .append(name)
                .append(": step ")
                .append(metadata.completedSteps())
                .append('/')
                .append(metadata.totalSteps());
        if (metadata.completedPercent() != null) {
            line.append(String.format(" (%.0f%%)", metadata.completedPercent()));
        }
        if (metadata.snapshots() != null && !metadata.snapshots().isEmpty()) {
            line.append(", loss ")
                    .append(loss(metadata.snapshots()
                            .get(metadata.snapshots().size() - 1)
                            .meanLoss()));
        }
        progress.accept(line.toString());
    }

    /** A loss with four significant digits for the log, not a double's sixteen. */
    static String loss(Double loss) {
        return loss == null ? "?" : String.format(java.util.Locale.ROOT, "%.4g", loss);
    }

    @Override
    public void close() {
        tuningThreads.shutdownNow();
        client.close();
    }

    /** How a tuned model was made ready. */
    record TuningReport(String model, String outcome, int steps, Double finalLoss) {}

    /** A tuned model could not be made ready; fails that variant's tests. */
    static final class TuningFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TuningFailedException(String message) {
            super(message);
        }

        TuningFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
