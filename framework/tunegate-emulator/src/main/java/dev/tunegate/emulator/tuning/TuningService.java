package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.ListOperationsResponse;
import dev.tunegate.client.model.ListTunedModelsResponse;
import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.emulator.http.ApiException;
import java.time.Clock;

/**
 * The emulator's {@code tunedModels} service, wired from its parts: {@link TuningCreation} (create),
 * {@link TuningRunner} (the background tuning runs), {@link TuningQueries} (get, list, operations, the
 * serving model) and {@link TunedModelEdits} (patch, delete), over one {@link TuningRegistry} that
 * persists to the data directory. Every method either returns the wire object or throws an
 * {@link ApiException}.
 */
final class TuningService implements AutoCloseable {

    /** Text that, in a display name, description or training example, makes the tuning run fail half-way. */
    static final String FAULT_MARKER = TuningJob.FAULT_MARKER;

    private final TuningRunner runner;
    private final TuningCreation creation;
    private final TuningQueries queries;
    private final TunedModelEdits edits;

    private TuningService(TuningSettings settings, TuningStore store, Clock clock) {
        TuningRegistry registry = new TuningRegistry(store, clock);
        this.runner = new TuningRunner(registry, settings.stepMillis(), clock);
        this.creation = new TuningCreation(settings, registry, runner, clock);
        this.queries = new TuningQueries(registry);
        this.edits = new TunedModelEdits(settings, registry, clock);
    }

    /** A service for the given settings, restoring what its data directory holds. */
    static TuningService start(TuningSettings settings) {
        TuningStore store =
                settings.dataDir() == null ? TuningStore.none() : new DirectoryTuningStore(settings.dataDir());
        return new TuningService(settings, store, Clock.systemUTC());
    }

    /** {@code tunedModels.create}: see {@link TuningCreation#create}. */
    Operation create(TunedModel body, String tunedModelId, boolean injectFailure) {
        return creation.create(body, tunedModelId, injectFailure);
    }

    /** {@code tunedModels.get}. */
    TunedModel get(String id) {
        return queries.get(id);
    }

    /** {@code tunedModels.list}. */
    ListTunedModelsResponse list(Integer pageSize, String pageToken, String filter) {
        return queries.list(pageSize, pageToken, filter);
    }

    /** {@code tunedModels.patch}. */
    TunedModel patch(String id, TunedModel body, String updateMask) {
        return edits.patch(id, body, updateMask);
    }

    /** {@code tunedModels.delete}: removes the model; a run still in progress is cancelled. */
    void delete(String id) {
        edits.delete(id);
    }

    /** {@code GET tunedModels/{id}/operations/{operation}}. */
    Operation getOperation(String id, String operationId) {
        return queries.getOperation(id, operationId);
    }

    /** {@code GET tunedModels/{id}/operations}. */
    ListOperationsResponse listOperations(String id, Integer pageSize, String pageToken) {
        return queries.listOperations(id, pageSize, pageToken);
    }

    /** The ACTIVE tuned model {@code tunedModels/{id}:generateContent} answers from. */
    ServingTunedModel serving(String id) {
        return queries.serving(id);
    }

    @Override
    public void close() {
        runner.close();
    }
}
