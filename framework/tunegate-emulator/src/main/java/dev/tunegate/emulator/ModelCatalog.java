package dev.tunegate.emulator;

import dev.tunegate.client.model.ListModelsResponse;
import dev.tunegate.client.model.Model;
import dev.tunegate.emulator.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base models listed by {@code GET /v1beta/models}, as public {@code Model} resources (name,
 * baseModelId, version, displayName, token limits, supported methods, sampling defaults).
 */
final class ModelCatalog {
    /**
     * The default set: the three DESIGN.md names, aliases used by the seeds' examples, and the models
     * users name in 2026 (Gemini API and Vertex AI alike).
     */
    static final List<String> DEFAULT_MODELS = List.of(
            "models/gemini-1.5-flash-001",
            "models/gemini-1.5-flash-001-tuning",
            "models/gemini-2.0-flash",
            "models/gemini-2.0-flash-001",
            "models/gemini-1.5-flash",
            "models/gemini-1.5-flash-latest",
            "models/gemini-1.5-pro",
            "models/gemini-1.5-pro-latest",
            "models/gemini-2.5-flash",
            "models/gemini-2.5-flash-lite",
            "models/gemini-2.5-pro");

    static final int INPUT_TOKEN_LIMIT = 1_048_576;

    private final Map<String, Model> models = new LinkedHashMap<>();

    ModelCatalog(List<String> names, int outputTokenLimit) {
        for (String n : names) {
            String name = normalise(n);
            String id = name.substring("models/".length());
            List<String> methods = new ArrayList<>(List.of("generateContent", "streamGenerateContent", "countTokens"));
            if (id.endsWith("-tuning") || id.startsWith("gemini-2.5-")) {
                methods.add("createTunedModel");
            }
            models.put(
                    name,
                    new Model(
                            name,
                            id.replaceAll("-(\\d{3}|latest)(-tuning)?$", ""),
                            id.matches(".*-\\d{3}(-tuning)?$") ? id.replaceAll(".*-(\\d{3})(-tuning)?$", "$1") : "001",
                            display(id),
                            "TuneGate emulator model answering from its bundled behaviour.",
                            INPUT_TOKEN_LIMIT,
                            outputTokenLimit,
                            methods,
                            1.0,
                            2.0,
                            0.95,
                            40));
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

    Model get(String name) {
        return models.get(name);
    }

    /** One page: {@code pageSize} default 50, at most 1000; the token is an opaque offset. */
    ListModelsResponse list(String pageSize, String pageToken) {
        int size = 50;
        if (pageSize != null) {
            try {
                size = Integer.parseInt(pageSize);
            } catch (NumberFormatException e) {
                throw ApiException.invalidArgument("pageSize", "pageSize must be an integer, got '" + pageSize + "'");
            }
            if (size < 0) {
                throw ApiException.invalidArgument("pageSize", "pageSize must not be negative");
            }
            size = size == 0 ? 50 : Math.min(size, 1000);
        }
        int offset = 0;
        if (pageToken != null && !pageToken.isEmpty()) {
            try {
                offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8)
                        .replace("models-offset:", ""));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidArgument("pageToken", "pageToken is not valid");
            }
        }
        List<Model> all = new ArrayList<>(models.values());
        int end = Math.min(all.size(), offset + size);
        String next = end < all.size()
                ? Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("models-offset:" + end).getBytes(StandardCharsets.UTF_8))
                : null;
        return new ListModelsResponse(offset >= all.size() ? List.of() : all.subList(offset, end), next);
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
