package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.CreateTunedModelMetadata;
import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.Status;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.client.model.TuningSnapshot;
import dev.tunegate.client.model.TuningTask;
import dev.tunegate.emulator.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the tuning service knows: the tuned models, their operations, the runs in progress and the
 * learned models that serve, written through to the {@link TuningStore}. Callers hold {@link #lock()}
 * around every method except {@link #learned(String)}, and across a read and the write that depends on it.
 */
final class TuningRegistry {
    /** Resource name prefix of a tuned model. */
    static final String PREFIX = "tunedModels/";

    private static final Duration PERSIST_PROGRESS_EVERY = Duration.ofSeconds(1);

    private final Object lock = new Object();
    private final TuningStore store;
    private final Map<String, StoredTunedModel> models = new HashMap<>();
    private final Map<String, Operation> operations = new HashMap<>();
    private final Map<String, TuningJob> jobs = new HashMap<>();
    private final Map<String, LearnedModel> serving = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastPersisted = new HashMap<>();

    /** A registry over {@code store}, restoring what it holds; a run in progress when the emulator stopped is FAILED. */
    TuningRegistry(TuningStore store, Clock clock) {
        this.store = store;
        StoreRecovery.Recovered recovered = new StoreRecovery(store, clock).recover();
        operations.putAll(recovered.operations());
        models.putAll(recovered.models());
        recovered.learned().forEach((id, state) -> serving.put(id, LearnedModel.from(state)));
    }

    /** The one lock of the tuning state. */
    Object lock() {
        return lock;
    }

    /** The model with {@code id}, or null. */
    StoredTunedModel find(String id) {
        return models.get(id);
    }

    /** The model with {@code id}; 404 when there is none. */
    StoredTunedModel existing(String id) {
        StoredTunedModel stored = id == null ? null : models.get(id);
        if (stored == null) {
            throw ApiException.notFound("Tuned model " + PREFIX + id + " not found.");
        }
        return stored;
    }

    /** Every model, in no particular order. */
    Collection<StoredTunedModel> models() {
        return models.values();
    }

    /** Adds or replaces a model, and saves it. */
    void save(StoredTunedModel model) {
        models.put(model.id(), model);
        store.saveModel(model);
    }

    /** Removes a model and what it learned (its operations stay readable). */
    void remove(String id) {
        models.remove(id);
        serving.remove(id);
        store.deleteModel(id);
    }

    /** The operation named {@code name}, or null. */
    Operation operation(String name) {
        return operations.get(name);
    }

    /** Adds or replaces an operation, and saves it. */
    void save(Operation operation) {
        operations.put(operation.name(), operation);
        store.saveOperation(operation);
    }

    /** Ends an operation: succeeded with {@code response}, or (response null) failed with {@code error}. */
    void finishOperation(String name, CreateTunedModelMetadata metadata, TunedModel response, Status error) {
        Operation done = response != null
                ? Operation.succeeded(name, metadata, response)
                : Operation.failed(name, metadata, error);
        operations.put(name, done);
        lastPersisted.remove(name);
        store.saveOperation(done);
    }

    /** Saves the progress of a run, at most once per {@link #PERSIST_PROGRESS_EVERY}. */
    void saveProgress(TuningJob job, Instant now) {
        Instant last = lastPersisted.get(job.operation());
        if (job.cancelled() || last != null && last.plus(PERSIST_PROGRESS_EVERY).isAfter(now)) {
            return;
        }
        lastPersisted.put(job.operation(), now);
        save(Operation.running(job.operation(), job.metadata()));
    }

    /** The run in progress of model {@code id}, or null. */
    TuningJob job(String id) {
        return jobs.get(id);
    }

    /** Records that model {@code id} is tuning in {@code job}. */
    void putJob(String id, TuningJob job) {
        jobs.put(id, job);
    }

    /** Forgets the run of model {@code id}; the run removed, or null. */
    TuningJob removeJob(String id) {
        return jobs.remove(id);
    }

    /** Saves what model {@code id} learned and serves it from now on. */
    void saveLearned(String id, LearnedState learned) {
        store.saveLearned(id, learned);
        serving.put(id, LearnedModel.from(learned));
    }

    /** The learned model that serves model {@code id}, or null; needs no lock. */
    LearnedModel learned(String id) {
        return serving.get(id);
    }

    /** The model as clients see it: while tuning, with the run's live start time and snapshots. */
    TunedModel view(StoredTunedModel stored) {
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

    /** The models a create request may name as its source. */
    CreateValidator.Sources sources() {
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
}
