package dev.tunegate.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.GeminiApiException;
import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.CreateTunedModelMetadata;
import dev.tunegate.client.model.Dataset;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.Hyperparameters;
import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.client.model.TuningSnapshot;
import dev.tunegate.client.model.TuningTask;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.model.suite.TuneSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The {@link ModelGateway} over {@link GeminiClient}: asynchronous {@code generateContent} (or
 * {@code streamGenerateContent} with time to first chunk) and tuned-model provisioning — look the
 * model up, create it from the training file when it does not exist, and await the operation.
 */
final class GeminiGateway implements ModelGateway {

    private static final ObjectMapper MAPPER = GeminiJson.newMapper();

    private final GeminiClient client;
    private final boolean streaming;
    private final Duration tuningTimeout;
    private final SuiteFiles files;
    private final Consumer<String> progress;
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
            Consumer<String> progress) {
        this.client = client;
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

    @Override
    public CompletableFuture<String> ready(ModelVariant variant) {
        if (variant.tune().isEmpty()) {
            return CompletableFuture.completedFuture(variant.model());
        }
        return ready.computeIfAbsent(
                variant.model(),
                name -> CompletableFuture.supplyAsync(
                        () -> provision(name, variant.tune().get()), tuningThreads));
    }

    /** What provisioning did for a tuned model, once it is done. */
    Optional<TuningReport> tuning(String model) {
        return Optional.ofNullable(tunings.get(model));
    }

    private String provision(String name, TuneSpec tune) {
        try {
            TunedModel existing = client.getTunedModel(name);
            if (existing.state() == TunedModel.State.ACTIVE) {
                tunings.put(name, new TuningReport(name, "already ACTIVE", 0, null));
                return name;
            }
            if (existing.state() == TunedModel.State.FAILED) {
                throw new TuningFailedException(
                        "tuned model " + name + " exists in state FAILED; delete it to tune it again");
            }
            List<Operation> operations = Optional.ofNullable(
                            client.listOperations(name).operations())
                    .orElse(List.of());
            if (operations.isEmpty()) {
                throw new TuningFailedException(
                        "tuned model " + name + " is " + existing.state() + " and has no operation to wait for");
            }
            return await(name, operations.get(operations.size() - 1));
        } catch (GeminiApiException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
        }
        return create(name, tune);
    }

    private String create(String name, TuneSpec tune) {
        Hyperparameters hyperparameters;
        Dataset data;
        try {
            hyperparameters = tune.hyperparameters() == null
                    ? null
                    : MAPPER.treeToValue(tune.hyperparameters(), Hyperparameters.class);
            data = Dataset.of(TrainingData.read(files, tune.trainingData()));
        } catch (IOException e) {
            throw new TuningFailedException("cannot read the training data of " + name + ": " + e.getMessage(), e);
        }
        TunedModel body = TunedModel.builder()
                .baseModel(tune.baseModel())
                .displayName(tune.displayName().orElse(null))
                .description(tune.description().orElse(null))
                .tuningTask(TuningTask.of(data, hyperparameters))
                .build();
        String id = name.substring("tunedModels/".length());
        progress.accept("tuning " + name + " from " + tune.baseModel() + " with "
                + data.examples().examples().size() + " examples");
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
