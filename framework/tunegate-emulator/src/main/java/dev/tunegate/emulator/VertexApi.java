package dev.tunegate.emulator;

import dev.tunegate.client.model.Content;
import dev.tunegate.emulator.generation.GenerationPlan;
import dev.tunegate.emulator.generation.ServedModel;
import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.http.ApiRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Vertex AI surface's own rules, apart from generation (which is the Gemini pipeline's): which
 * resource a path names, who may call it (a bearer token, or an API key on the express-mode paths
 * without a project), the resources {@code GET} returns, and Vertex's stricter request check
 * ({@code contents[].role} required).
 */
final class VertexApi {
    private final Map<String, ServedModel> baseModels;
    private final TunedModelService tuned;
    private final Deployments deployments;
    private final BearerCheck bearer;
    private final ApiKeyCheck apiKey;
    private final Instant started;

    VertexApi(
            Map<String, ServedModel> baseModels,
            TunedModelService tuned,
            Deployments deployments,
            BearerCheck bearer,
            ApiKeyCheck apiKey,
            Instant started) {
        this.baseModels = baseModels;
        this.tuned = tuned;
        this.deployments = deployments;
        this.bearer = bearer;
        this.apiKey = apiKey;
        this.started = started;
    }

    /** The route of {@code rest} (the path after the version), once the caller is authenticated. */
    VertexRoute route(ApiRequest request, String version, String rest) {
        VertexRoute route = VertexRoute.parse(version, rest);
        if (route == null) {
            throw ApiException.notFound("The requested URL /" + version + "/" + rest + " was not found on this"
                    + " server (the Vertex AI surface serves publishers/google/models/{model} and"
                    + " projects/{project}/locations/{location}/endpoints/{endpoint}).");
        }
        authenticate(request, route);
        return route;
    }

    /**
     * Project paths need a bearer token (checked when one is required); express-mode paths without a
     * project take an API key in {@code x-goog-api-key} (checked when one is required) or a token.
     */
    private void authenticate(ApiRequest request, VertexRoute route) {
        if (route.project() != null || BearerCheck.present(request)) {
            bearer.check(request, route);
            return;
        }
        if (request.header("x-goog-api-key") == null && request.queryParam("key") == null) {
            bearer.check(request, route);
        }
        apiKey.check(request);
    }

    /** The resource a {@code GET} of the route returns: a PublisherModel or an Endpoint. */
    Map<String, Object> resource(VertexRoute route) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (route.kind() == VertexRoute.Kind.PUBLISHER_MODEL) {
            requireBaseModel(route);
            body.put("name", "publishers/google/models/" + route.id());
            body.put("versionId", "001");
            body.put("openSourceCategory", "PROPRIETARY");
            body.put("launchStage", "GA");
            body.put(
                    "publisherModelTemplate",
                    "projects/{project}/locations/{location}/publishers/google/models/" + route.id() + "@001");
            return body;
        }
        String model = deployedModel(route);
        Map<String, Object> deployed = new LinkedHashMap<>();
        deployed.put("id", "1");
        deployed.put(
                "model",
                model.startsWith("tunedModels/")
                        ? "projects/" + route.project() + "/locations/" + route.location() + "/models/"
                                + model.substring("tunedModels/".length()) + "@1"
                        : "publishers/google/models/" + model.substring("models/".length()));
        deployed.put("displayName", model);
        deployed.put("createTime", started);
        body.put("name", route.resourceName());
        body.put("displayName", "endpoint-" + route.id());
        body.put("deployedModels", List.of(deployed));
        body.put("trafficSplit", Map.of("1", 100));
        body.put("createTime", started);
        body.put("updateTime", started);
        return body;
    }

    /** The model that answers a generate call on the route. */
    ServedModel model(VertexRoute route) {
        if (route.kind() == VertexRoute.Kind.PUBLISHER_MODEL) {
            return requireBaseModel(route);
        }
        String model = deployedModel(route);
        if (model.startsWith("tunedModels/")) {
            return tuned.resolve(model);
        }
        ServedModel served = baseModels.get(model);
        if (served == null) {
            throw ApiException.notFound("Endpoint `" + route.resourceName() + "` serves " + model
                    + ", which this emulator does not serve (see --models).");
        }
        return served;
    }

    /** Vertex AI requires every content's role (the Gemini API defaults it to {@code user}). */
    static void checkRoles(GenerationPlan plan) {
        List<Content> contents = plan.request().contents();
        for (int i = 0; i < contents.size(); i++) {
            String role = contents.get(i).role();
            if (role == null || role.isBlank()) {
                throw ApiException.invalidArgument("contents[" + i + "].role", "Please use a valid role: user, model.");
            }
        }
    }

    private ServedModel requireBaseModel(VertexRoute route) {
        ServedModel model = baseModels.get("models/" + route.id());
        if (model == null) {
            throw ApiException.notFound("Publisher Model `" + route.resourceName() + "` was not found or your"
                    + " project does not have access to it. Please ensure you are using a valid model version."
                    + " For more information, see:"
                    + " https://cloud.google.com/vertex-ai/generative-ai/docs/learn/model-versions");
        }
        return model;
    }

    private String deployedModel(VertexRoute route) {
        String model = deployments.model(route.id());
        if (model == null) {
            throw ApiException.notFound("Endpoint `" + route.resourceName() + "` not found. (The emulator serves"
                    + " the endpoints deployed with --deploy ID=MODEL or builder deploy(id, model).)");
        }
        return model;
    }
}
