package dev.tunegate.emulator;

import dev.tunegate.emulator.http.ApiRequest;
import java.util.Locale;

/**
 * Names requests for {@code /emulator/stats}, e.g. {@code models.generateContent}, {@code tunedModels.get}
 * (Gemini API, {@code /v1beta} and {@code /v1} alike), {@code vertex.endpoints.generateContent}.
 */
final class EndpointNames {
    private EndpointNames() {}

    static String of(ApiRequest r) {
        String p = r.path();
        if (p.startsWith("/emulator/")) {
            return "emulator." + p.substring("/emulator/".length());
        }
        if (StorageRoutes.handles(p)) {
            return StorageRoutes.statsName(r);
        }
        String rest;
        if (p.startsWith("/v1beta/")) {
            rest = p.substring("/v1beta/".length());
        } else if (p.startsWith("/v1beta1/") || p.startsWith("/v1/")) {
            String version = p.substring(1, p.indexOf('/', 1));
            rest = p.substring(version.length() + 2);
            if (BatchPredictionRoutes.handles(rest)) {
                return BatchPredictionRoutes.statsName(r.method(), rest);
            }
            if (VertexRoute.isVertex(rest)) {
                VertexRoute route = VertexRoute.parse(version, rest);
                return route == null ? "vertex.unknown" : route.statsName(r.method());
            }
            if (version.equals("v1beta1")) {
                return "unknown";
            }
        } else {
            return "unknown";
        }
        String collection = rest.startsWith("tunedModels")
                ? "tunedModels"
                : rest.startsWith("models") ? "models" : rest.startsWith("batches") ? "batches" : "unknown";
        int colon = rest.indexOf(':');
        if (colon > 0 && !rest.contains("/operations")) {
            return collection + "." + rest.substring(colon + 1);
        }
        if (rest.contains("/operations")) {
            return "tunedModels.operations";
        }
        boolean single = rest.indexOf('/') > 0 && rest.indexOf('/') < rest.length() - 1;
        return switch (r.method()) {
            case "GET" -> collection + (single ? ".get" : ".list");
            case "POST" -> collection + ".create";
            case "PATCH" -> collection + ".patch";
            case "DELETE" -> collection + ".delete";
            default -> collection + "." + r.method().toLowerCase(Locale.ROOT);
        };
    }
}
