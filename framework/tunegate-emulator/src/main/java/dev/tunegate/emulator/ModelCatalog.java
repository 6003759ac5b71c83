package dev.tunegate.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base models listed by {@code GET /v1beta/models}, as public {@code Model} resources (name,
 * baseModelId, version, displayName, token limits, supported methods, sampling defaults).
 */
final class ModelCatalog {
    /** The default set: the three DESIGN.md names plus aliases used by the seeds' examples. */
    static final List<String> DEFAULT_MODELS = List.of("models/gemini-1.5-flash-001", "models/gemini-1.5-flash-001-tuning",
            "models/gemini-2.0-flash", "models/gemini-2.0-flash-001", "models/gemini-1.5-flash",
            "models/gemini-1.5-flash-latest", "models/gemini-1.5-pro", "models/gemini-1.5-pro-latest");
    static final int INPUT_TOKEN_LIMIT = 1_048_576;

    private final Map<String, Map<String, Object>> models = new LinkedHashMap<>();

    ModelCatalog(List<String> names, int outputTokenLimit) {
        for (String n : names) {
            String name = normalise(n);
            String id = name.substring("models/".length());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("baseModelId", id.replaceAll("-(\\d{3}|latest)(-tuning)?$", ""));
            m.put("version", id.matches(".*-\\d{3}(-tuning)?$") ? id.replaceAll(".*-(\\d{3})(-tuning)?$", "$1") : "001");
            m.put("displayName", display(id));
            m.put("description", "TuneGate emulator model answering from its bundled behaviour.");
            m.put("inputTokenLimit", INPUT_TOKEN_LIMIT);
            m.put("outputTokenLimit", outputTokenLimit);
            List<String> methods = new ArrayList<>(List.of("generateContent", "streamGenerateContent", "countTokens"));
            if (id.endsWith("-tuning")) {
                methods.add("createTunedModel");
            }
            m.put("supportedGenerationMethods", methods);
            m.put("temperature", 1.0);
            m.put("maxTemperature", 2.0);
            m.put("topP", 0.95);
            m.put("topK", 40);
            models.put(name, m);
        }
    }

    /** {@code gemini-x} or {@code models/gemini-x} to {@code models/gemini-x}. */
    static String normalise(String name) {
        String n = name.strip();
        return n.startsWith("models/") ? n : "models/" + n;
    }

    List<String> names() {
        return List.copyOf(models.keySet());
    }

    Map<String, Object> get(String name) {
        return models.get(name);
    }

    Map<String, Object> list() {
        return Map.of("models", new ArrayList<>(models.values()));
    }

    private static String display(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
