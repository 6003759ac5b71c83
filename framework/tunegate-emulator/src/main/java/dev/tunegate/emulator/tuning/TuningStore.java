package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.Operation;
import java.util.List;
import java.util.Map;

/** Where tuned models, their learned state and their operations live between restarts. */
interface TuningStore {

    /** Everything stored. */
    record Contents(List<StoredTunedModel> models, Map<String, LearnedState> learned, List<Operation> operations) {}

    Contents load();

    void saveModel(StoredTunedModel model);

    void deleteModel(String id);

    void saveLearned(String id, LearnedState state);

    void saveOperation(Operation operation);

    /** A store that keeps nothing: the in-memory registry is all there is (the embedded default). */
    static TuningStore none() {
        return new TuningStore() {
            @Override
            public Contents load() {
                return new Contents(List.of(), Map.of(), List.of());
            }

            @Override
            public void saveModel(StoredTunedModel model) {}

            @Override
            public void deleteModel(String id) {}

            @Override
            public void saveLearned(String id, LearnedState state) {}

            @Override
            public void saveOperation(Operation operation) {}
        };
    }
}
