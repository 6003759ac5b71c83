package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.CreateTunedModelMetadata;
import dev.tunegate.client.model.ListOperationsResponse;
import dev.tunegate.client.model.ListTunedModelsResponse;
import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.Status;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.client.model.TunedModelSource;
import dev.tunegate.client.model.TuningSnapshot;
import dev.tunegate.client.model.TuningTask;
import dev.tunegate.emulator.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's {@code tunedModels} service: create (validated, answering a long-running
 * {@link Operation} at once), the background tuning runs, get/list/patch/delete, the operations of each
 * model, persistence, and the learned models that {@code tunedModels/*:generateContent} answers from.
 * Every method either returns the wire object or throws an {@link ApiException}.
 */
final class TuningService implements AutoCloseable {

    /** Text that, in a display name, description or training example, makes the tuning run fail half-way. */
    static final String FAULT_MARKER = "TUNEGATE_FAIL_TUNING";

    private static final String PREFIX = "tunedModels/";
    private static final Duration PERSIST_PROGRESS_EVERY = Duration.ofSeconds(1);

    private final TuningSettings settings;
    private final TuningStore store;
    private final CreateValidator validator;
    private final Clock clock;
    private final Random random = new Random();
    private final Object lock = new Object();
    private final Map<String, StoredTunedModel> models = new HashMap<>();
    private final Map<String, Operation> operations = new HashMap<>();
    private final Map<String, TuningJob> jobs = new HashMap<>();
    private final Map<String, LearnedModel> serving = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastPersisted = new HashMap<>();
    private final ScheduledExecutorService executor;

    private TuningService(TuningSettings settings, TuningStore store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.validator = new CreateValidator(settings.modelExists(), settings.tunableModels());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tunegate-tuning");
            thread.setDaemon(true);
            return thread;
        });
        restore();
    }

    /** A service for the given settings, restoring what its data directory holds. */
    static TuningService start(TuningSettings settings) {
        TuningStore store =
                settings.dataDir() == null ? TuningStore.none() : new DirectoryTuningStore(settings.dataDir());
        return new TuningService(settings, store, Clock.systemUTC());
    }

    /**
     * {@code tunedModels.create}.
     *
     * @param body          the TunedModel request body
     * @param tunedModelId  the {@code tunedModelId} query parameter, or null
     * @param injectFailure whether the caller asked for the run to fail (fault header)
     */
    Operation create(TunedModel body, String tunedModelId, boolean injectFailure) {
        synchronized (lock) {
            CreateRequest request = validator.validate(body, tunedModelId, sources());
            String id = request.requestedId();
            if (id != null && models.containsKey(id)) {
                throw ApiException.alreadyExists("Tuned model " + PREFIX + id + " already exists.");
            }
            while (id == null || models.containsKey(id)) {
                id = TunedModelIds.generate(body.displayName(), random);
            }
            String name = PREFIX + id;
            Instant now = clock.instant();
            SamplingDefaults defaults = settings.baseDefaults().apply(request.rootBaseModel());
            TunedModel model = TunedModel.builder()
                    .name(name)
                    .displayName(body.displayName())
                    .description(body.description())
                    .state(TunedModel.State.CREATING)
                    .createTime(now)
                    .updateTime(now)
                    .tuningTask(new TuningTask(null, null, null, null, request.echoedHyperparameters()))
                    .readerProjectNumbers(body.readerProjectNumbers())
                    .baseModel(request.sourceTunedModel() == null ? request.rootBaseModel() : null)
                    .tunedModelSource(
                            request.sourceTunedModel() == null
                                    ? null
                                    : new TunedModelSource(request.sourceTunedModel(), request.rootBaseModel()))
                    .temperature(body.temperature() != null ? body.temperature() : defaults.temperature())
                    .topP(body.topP() != null ? body.topP() : defaults.topP())
                    .topK(body.topK() != null ? body.topK() : defaults.topK())
                    .build();
            String operationName = name + "/operations/" + randomId(12);
            int totalSteps = request.plan().totalSteps();
            Operation operation = Operation.running(operationName, TuningJob.metadata(name, totalSteps, 0, List.of()));
            StoredTunedModel stored = new StoredTunedModel(model, request.rootBaseModel(), List.of(operationName));
            models.put(id, stored);
            operations.put(operationName, operation);
            store.saveModel(stored);
            store.saveOperation(operation);

            LearnedModel learner =
                    request.sourceState() == null ? LearnedModel.untrained() : LearnedModel.from(request.sourceState());
            learner.admit(request.examples());
            int failAt = injectFailure || mentionsFault(request) ? Math.max(1, (totalSteps + 1) / 2) : 0;
            TuningJob job = new TuningJob(
                    name,
                    operationName,
                    learner,
                    new Trainer(learner, request.examples(), request.plan(), id.hashCode()),
                    totalSteps,
                    failAt,
                    clock);
            String modelId = id;
            jobs.put(modelId, job);
            executor.execute(() -> runStep(modelId, job));
            return operation;
        }
    }

    /** {@code tunedModels.get}. */
    TunedModel get(String id) {
        synchronized (lock) {
            return view(existing(id));
        }
    }

    /** {@code tunedModels.list}. */
    ListTunedModelsResponse list(Integer pageSize, String pageToken, String filter) {
        List<TunedModel> all;
        synchronized (lock) {
            all = models.values().stream().map(this::view).toList();
        }
        return new TunedModelQuery(filter).page(all, pageSize, pageToken);
    }

    /** {@code tunedModels.patch}. */
    TunedModel patch(String id, TunedModel body, String updateMask) {
        synchronized (lock) {
            StoredTunedModel stored = existing(id);
            SamplingDefaults defaults = settings.baseDefaults().apply(stored.rootBaseModel());
            TunedModel updated =
                    new TunedModelPatch(body, updateMask).applyTo(stored.tunedModel(), defaults, clock.instant());
            StoredTunedModel next = stored.with(updated);
            models.put(id, next);
            store.saveModel(next);
            return view(next);
        }
    }

    /** {@code tunedModels.delete}: removes the model; a run still in progress is cancelled. */
    void delete(String id) {
        synchronized (lock) {
            StoredTunedModel stored = existing(id);
            TuningJob job = jobs.remove(id);
            if (job != null) {
                job.cancel();
                finishOperation(
                        job.operation(),
                        job.metadata(),
                        null,
                        new Status(
                                1,
                                "The tuned model " + stored.tunedModel().name()
                                        + " was deleted while it was tuning; the run was cancelled.",
                                "CANCELLED",
                                null));
            }
            models.remove(id);
            serving.remove(id);
            store.deleteModel(id);
        }
    }

    /** {@code GET tunedModels/{id}/operations/{operation}}; operations stay readable after their model is deleted. */
    Operation getOperation(String id, String operationId) {
        String name = PREFIX + id + "/operations/" + operationId;
        synchronized (lock) {
            Operation operation = operations.get(name);
            if (operation == null) {
                throw ApiException.notFound("Operation " + name + " not found.");
            }
            TuningJob job = jobs.get(id);
            if (job != null && job.operation().equals(name)) {
                return Operation.running(name, job.metadata());
            }
            return operation;
        }
    }

    /** {@code GET tunedModels/{id}/operations}: the operations of an existing model, oldest first. */
    ListOperationsResponse listOperations(String id, Integer pageSize, String pageToken) {
        List<String> names;
        synchronized (lock) {
            names = existing(id).operations();
        }
        int size = TunedModelQuery.pageSize(pageSize);
        int offset = TunedModelQuery.offsetToken(pageToken, "operations:" + id);
        List<Operation> page = new ArrayList<>();
        for (int i = offset; i < Math.min(names.size(), offset + size); i++) {
            String[] parts = names.get(i).split("/");
            page.add(getOperation(id, parts[3]));
        }
        String next =
                offset + size < names.size() ? TunedModelQuery.offsetToken(offset + size, "operations:" + id) : null;
        return new ListOperationsResponse(page, next);
    }

    /**
     * The tuned model {@code tunedModels/{id}:generateContent} answers from: 404 when it does not exist,
     * 400 FAILED_PRECONDITION unless it is ACTIVE.
     */
    ServingTunedModel serving(String id) {
        TunedModel model;
        String root;
        synchronized (lock) {
            StoredTunedModel stored = existing(id);
            model = stored.tunedModel();
            root = stored.rootBaseModel();
        }
        if (model.state() != TunedModel.State.ACTIVE) {
            throw ApiException.failedPrecondition("Tuned model " + model.name() + " is " + model.state()
                    + "; it can generate content only when its state is ACTIVE.");
        }
        LearnedModel learned = serving.get(id);
        if (learned == null) {
            throw ApiException.failedPrecondition("Tuned model " + model.name() + " has no learned state.");
        }
        return new ServingTunedModel(
                model.name(), root, learned, new SamplingDefaults(model.temperature(), model.topP(), model.topK()));
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runStep(String id, TuningJob job) {
        if (job.cancelled()) {
            return;
        }
        try {
            if (job.faultDue()) {
                fail(
                        id,
                        job,
                        new Status(
                                13,
                                "Injected fault: tuning of " + job.tunedModel() + " failed at step "
                                        + (job.metadata().completedSteps() + 1)
                                        + " (requested with the x-tunegate-fault header or the "
                                        + FAULT_MARKER + " marker).",
                                "INTERNAL",
                                null));
                return;
            }
            job.step();
            if (job.finished()) {
                complete(id, job);
                return;
            }
            persistProgress(job);
            executor.schedule(() -> runStep(id, job), settings.stepMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            fail(id, job, new Status(13, "Tuning of " + job.tunedModel() + " failed: " + e, "INTERNAL", null));
        }
    }

    private void complete(String id, TuningJob job) {
        finish(id, job, job.learnedState(), null);
    }

    private void fail(String id, TuningJob job, Status error) {
        finish(id, job, null, error);
    }

    /** Ends a run: ACTIVE with what it learned, or FAILED with {@code error}. */
    private void finish(String id, TuningJob job, LearnedState learned, Status error) {
        synchronized (lock) {
            if (job.cancelled() || jobs.get(id) != job) {
                return;
            }
            StoredTunedModel stored = models.get(id);
            Instant now = clock.instant();
            TunedModel model = stored.tunedModel().toBuilder()
                    .state(learned != null ? TunedModel.State.ACTIVE : TunedModel.State.FAILED)
                    .updateTime(now)
                    .tuningTask(new TuningTask(
                            job.startTime(),
                            learned != null ? now : null,
                            job.snapshots(),
                            null,
                            stored.tunedModel().tuningTask().hyperparameters()))
                    .build();
            if (learned != null) {
                store.saveLearned(id, learned);
            }
            StoredTunedModel next = stored.with(model);
            models.put(id, next);
            store.saveModel(next);
            if (learned != null) {
                serving.put(id, LearnedModel.from(learned));
            }
            jobs.remove(id);
            finishOperation(job.operation(), job.metadata(), learned != null ? model : null, error);
        }
    }

    private void persistProgress(TuningJob job) {
        Instant now = clock.instant();
        synchronized (lock) {
            Instant last = lastPersisted.get(job.operation());
            if (job.cancelled()
                    || last != null && last.plus(PERSIST_PROGRESS_EVERY).isAfter(now)) {
                return;
            }
            lastPersisted.put(job.operation(), now);
            Operation progress = Operation.running(job.operation(), job.metadata());
            operations.put(job.operation(), progress);
            store.saveOperation(progress);
        }
    }

    private void finishOperation(String name, CreateTunedModelMetadata metadata, TunedModel response, Status error) {
        Operation done = response != null
                ? Operation.succeeded(name, metadata, response)
                : Operation.failed(name, metadata, error);
        operations.put(name, done);
        lastPersisted.remove(name);
        store.saveOperation(done);
    }

    /** The model as clients see it: while tuning, with the run's live start time and snapshots. */
    private TunedModel view(StoredTunedModel stored) {
        TuningJob job = jobs.get(stored.id());
        if (job == null) {
            return stored.tunedModel();
        }
        TuningTask task = stored.tunedModel().tuningTask();
        List<TuningSnapshot> snapshots = job.snapshots();
        return stored.tunedModel().toBuilder()
                .tuningTask(new TuningTask(
                        job.startTime(), null, snapshots.isEmpty() ? null : snapshots, null, task.hyperparameters()))
                .build();
    }

    private StoredTunedModel existing(String id) {
        StoredTunedModel stored = id == null ? null : models.get(id);
        if (stored == null) {
            throw ApiException.notFound("Tuned model " + PREFIX + id + " not found.");
        }
        return stored;
    }

    private CreateValidator.Sources sources() {
        return new CreateValidator.Sources() {
            @Override
            public TunedModel find(String name) {
                StoredTunedModel stored = models.get(name.substring(PREFIX.length()));
                return stored == null ? null : stored.tunedModel();
            }

            @Override
            public LearnedState learned(String name) {
                LearnedModel model = serving.get(name.substring(PREFIX.length()));
                return model == null ? null : model.state();
            }

            @Override
            public String rootBaseModel(String name) {
                return models.get(name.substring(PREFIX.length())).rootBaseModel();
            }
        };
    }

    private static boolean mentionsFault(CreateRequest request) {
        TunedModel body = request.body();
        if (contains(body.displayName()) || contains(body.description())) {
            return true;
        }
        return request.examples().stream().anyMatch(e -> contains(e.input()) || contains(e.output()));
    }

    private static boolean contains(String text) {
        return text != null && text.contains(FAULT_MARKER);
    }

    private String randomId(int length) {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    /** Loads the data directory; a run that was in progress when the emulator stopped is marked FAILED. */
    private void restore() {
        StoreRecovery.Recovered recovered = new StoreRecovery(store, clock).recover();
        operations.putAll(recovered.operations());
        models.putAll(recovered.models());
        recovered.learned().forEach((id, state) -> serving.put(id, LearnedModel.from(state)));
    }
}
