package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.CreateTunedModelMetadata;
import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.Status;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.client.model.TuningSnapshot;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link TuningStore} back after a stop and makes it consistent: a run that was still in
 * progress is not resumed but marked FAILED (its operation done with {@code ABORTED}), and an operation
 * left running by a stop between saving a finished model and saving its operation is finished.
 */
final class StoreRecovery {

    /** What was recovered: models and operations by name, learned state of the ACTIVE models by id. */
    record Recovered(
            Map<String, StoredTunedModel> models,
            Map<String, Operation> operations,
            Map<String, LearnedState> learned) {}

    private final TuningStore store;
    private final Clock clock;
    private final Map<String, Operation> operations = new HashMap<>();

    StoreRecovery(TuningStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Recovered recover() {
        TuningStore.Contents contents = store.load();
        for (Operation operation : contents.operations()) {
            operations.put(operation.name(), operation);
        }
        Map<String, StoredTunedModel> models = new HashMap<>();
        Map<String, LearnedState> learned = new HashMap<>();
        for (StoredTunedModel stored : contents.models()) {
            StoredTunedModel current = stored;
            if (stored.tunedModel().state() == TunedModel.State.CREATING) {
                current = markInterrupted(stored);
            } else {
                completeUnfinishedOperation(stored);
            }
            models.put(current.id(), current);
            LearnedState state = contents.learned().get(current.id());
            if (state != null && current.tunedModel().state() == TunedModel.State.ACTIVE) {
                learned.put(current.id(), state);
            }
        }
        return new Recovered(models, operations, learned);
    }

    private void completeUnfinishedOperation(StoredTunedModel stored) {
        String operationName = lastOperation(stored);
        Operation last = operations.get(operationName);
        if (last == null || last.isDone()) {
            return;
        }
        TunedModel model = stored.tunedModel();
        List<TuningSnapshot> snapshots =
                model.tuningTask() == null || model.tuningTask().snapshots() == null
                        ? List.of()
                        : model.tuningTask().snapshots();
        CreateTunedModelMetadata metadata =
                TuningJob.metadata(model.name(), snapshots.size(), snapshots.size(), snapshots);
        Operation done = model.state() == TunedModel.State.ACTIVE
                ? Operation.succeeded(operationName, metadata, model)
                : Operation.failed(
                        operationName,
                        metadata,
                        new Status(
                                13,
                                "Tuning of " + model.name() + " failed; the emulator stopped before recording why.",
                                "INTERNAL",
                                null));
        save(done);
    }

    private StoredTunedModel markInterrupted(StoredTunedModel stored) {
        String operationName = lastOperation(stored);
        Operation last = operations.get(operationName);
        CreateTunedModelMetadata metadata =
                last == null ? null : last.createTunedModelMetadata().orElse(null);
        String progress = metadata == null
                ? ""
                : " (last recorded progress: step " + metadata.completedSteps() + " of " + metadata.totalSteps() + ")";
        Status error = new Status(
                10,
                "Tuning of " + stored.tunedModel().name() + " was interrupted because the"
                        + " emulator stopped" + progress
                        + ". Interrupted runs are not resumed; delete the model and create"
                        + " it again.",
                "ABORTED",
                null);
        TunedModel failed = stored.tunedModel().toBuilder()
                .state(TunedModel.State.FAILED)
                .updateTime(clock.instant())
                .build();
        StoredTunedModel next = stored.with(failed);
        store.saveModel(next);
        save(Operation.failed(operationName, metadata, error));
        return next;
    }

    private void save(Operation operation) {
        operations.put(operation.name(), operation);
        store.saveOperation(operation);
    }

    private static String lastOperation(StoredTunedModel stored) {
        return stored.operations().get(stored.operations().size() - 1);
    }
}
