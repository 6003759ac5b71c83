package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.TunedModel;
import dev.tunegate.emulator.http.ApiException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code tunedModels.patch} with an {@code updateMask}.
 *
 * <p>Mutable fields: {@code displayName}, {@code description}, {@code temperature}, {@code topP},
 * {@code topK}, {@code readerProjectNumbers} (snake_case spellings accepted). A path in the mask whose
 * field is absent from the body clears it (sampling parameters go back to the base model's defaults).
 * Output-only and immutable fields ({@code name}, {@code state}, {@code createTime}, {@code updateTime},
 * {@code tuningTask...}, {@code baseModel}, {@code tunedModelSource...}) and unknown paths are a 400.
 * Without an {@code updateMask}, every mutable field present in the body is updated and the others are
 * ignored. {@code tuningTask}, although the spec marks it Required on the body, need not be sent.
 */
final class TunedModelPatch {

    private static final Map<String, String> MUTABLE = Map.ofEntries(
            Map.entry("displayName", "displayName"),
            Map.entry("display_name", "displayName"),
            Map.entry("description", "description"),
            Map.entry("temperature", "temperature"),
            Map.entry("topP", "topP"),
            Map.entry("top_p", "topP"),
            Map.entry("topK", "topK"),
            Map.entry("top_k", "topK"),
            Map.entry("readerProjectNumbers", "readerProjectNumbers"),
            Map.entry("reader_project_numbers", "readerProjectNumbers"));
    private static final Set<String> FIXED = Set.of(
            "name",
            "state",
            "createTime",
            "create_time",
            "updateTime",
            "update_time",
            "tuningTask",
            "tuning_task",
            "baseModel",
            "base_model",
            "tunedModelSource",
            "tuned_model_source");

    private final TunedModel body;
    private final Set<String> paths;

    TunedModelPatch(TunedModel body, String updateMask) {
        if (body == null) {
            throw ApiException.invalidArgument("tunedModel", "The request body must be a TunedModel object.");
        }
        this.body = body;
        this.paths = updateMask == null || updateMask.isBlank() ? null : paths(updateMask);
    }

    TunedModel applyTo(TunedModel current, SamplingDefaults defaults, Instant now) {
        if (body.name() != null && !body.name().isEmpty() && !body.name().equals(current.name())) {
            throw ApiException.invalidArgument(
                    "tunedModel.name",
                    "The body's name '" + body.name() + "' does not match the path's " + current.name() + ".");
        }
        Set<String> fields = paths != null ? paths : presentFields();
        TunedModel.Builder builder = current.toBuilder();
        for (String field : fields) {
            switch (field) {
                case "displayName" -> builder.displayName(body.displayName());
                case "description" -> builder.description(body.description());
                case "temperature" ->
                    builder.temperature(body.temperature() != null ? body.temperature() : defaults.temperature());
                case "topP" -> builder.topP(body.topP() != null ? body.topP() : defaults.topP());
                case "topK" -> builder.topK(body.topK() != null ? body.topK() : defaults.topK());
                case "readerProjectNumbers" -> builder.readerProjectNumbers(body.readerProjectNumbers());
                default -> throw new IllegalStateException(field);
            }
        }
        TunedModel updated = builder.build();
        CreateValidator.checkMutableFields(updated);
        return fields.isEmpty() ? current : updated.toBuilder().updateTime(now).build();
    }

    private Set<String> presentFields() {
        Set<String> present = new LinkedHashSet<>();
        if (body.displayName() != null) {
            present.add("displayName");
        }
        if (body.description() != null) {
            present.add("description");
        }
        if (body.temperature() != null) {
            present.add("temperature");
        }
        if (body.topP() != null) {
            present.add("topP");
        }
        if (body.topK() != null) {
            present.add("topK");
        }
        if (body.readerProjectNumbers() != null) {
            present.add("readerProjectNumbers");
        }
        return present;
    }

    private static Set<String> paths(String updateMask) {
        Set<String> fields = new LinkedHashSet<>();
        for (String raw : updateMask.split(",")) {
            String path = raw.trim();
            String root = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            if (MUTABLE.containsKey(path)) {
                fields.add(MUTABLE.get(path));
            } else if (FIXED.contains(root)) {
                throw ApiException.invalidArgument(
                        "updateMask",
                        "updateMask path '" + path
                                + "' cannot be updated: it is output only or immutable. Mutable fields: displayName,"
                                + " description, temperature, topP, topK, readerProjectNumbers.");
            } else {
                throw ApiException.invalidArgument(
                        "updateMask",
                        "updateMask path '" + path
                                + "' is not a field of TunedModel. Mutable fields: displayName, description, temperature,"
                                + " topP, topK, readerProjectNumbers.");
            }
        }
        return fields;
    }
}
