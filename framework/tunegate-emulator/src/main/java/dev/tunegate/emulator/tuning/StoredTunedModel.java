package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.TunedModel;
import java.util.List;

/**
 * A tuned model as the emulator keeps it: the resource (without its input-only training data), the base
 * model it falls back to, and the names of its operations, oldest first.
 */
record StoredTunedModel(TunedModel tunedModel, String rootBaseModel, List<String> operations) {

    StoredTunedModel {
        operations = List.copyOf(operations);
    }

    String id() {
        return tunedModel.name().substring("tunedModels/".length());
    }

    StoredTunedModel with(TunedModel updated) {
        return new StoredTunedModel(updated, rootBaseModel, operations);
    }
}
