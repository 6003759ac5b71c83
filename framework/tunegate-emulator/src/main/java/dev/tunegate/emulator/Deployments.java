package dev.tunegate.emulator;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Vertex AI endpoints that exist: endpoint id to the model it serves, a base model
 * ({@code models/M}) or an emulator-tuned model ({@code tunedModels/T}). Every project and location
 * sees the same endpoints; any other endpoint is 404 NOT_FOUND.
 */
final class Deployments {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
    private static final Pattern PUBLISHER =
            Pattern.compile("(?:projects/[^/]+/locations/[^/]+/)?publishers/google/models/");

    private final Map<String, String> models;

    Deployments(Map<String, String> models) {
        this.models = Map.copyOf(models);
    }

    /** The model deployed at {@code endpointId}, or null. */
    String model(String endpointId) {
        return models.get(endpointId);
    }

    Map<String, String> all() {
        return models;
    }

    /** Checks an endpoint id: letters, digits, {@code -} and {@code _}, at most 128 characters. */
    static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "endpoint id '" + id + "' must be letters, digits, '-' or '_' (at most 128), e.g. 123");
        }
        return id;
    }

    /**
     * The served name of a deployed model: {@code models/M}, {@code tunedModels/T}; {@code M},
     * {@code publishers/google/models/M} and its full Vertex name become {@code models/M}.
     */
    static String normaliseModel(String model) {
        String m = model == null ? "" : model.strip();
        if (m.isEmpty()) {
            throw new IllegalArgumentException("a deployment needs a model, e.g. 123=models/gemini-2.5-flash");
        }
        if (m.startsWith("tunedModels/") || m.startsWith("models/")) {
            return m;
        }
        String bare = PUBLISHER.matcher(m).replaceFirst("");
        if (bare.contains("/")) {
            throw new IllegalArgumentException(
                    "cannot deploy '" + model + "': use models/M, publishers/google/models/M or tunedModels/T");
        }
        return "models/" + bare;
    }

    /** Parses {@code ID=MODEL,ID=MODEL} (the {@code --deploy} flag and engine key form) into {@code into}. */
    static void parse(String spec, Map<String, String> into) {
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "deployment '" + entry.strip() + "' must be ID=MODEL, e.g. 123=models/gemini-1.5-flash-001");
            }
            into.put(checkId(entry.substring(0, eq).strip()), normaliseModel(entry.substring(eq + 1)));
        }
    }
}
