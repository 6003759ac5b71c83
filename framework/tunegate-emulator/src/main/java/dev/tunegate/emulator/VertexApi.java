package dev.tunegate.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.emulator.generation.GenerationPlan;
import dev.tunegate.emulator.generation.ServedModel;
import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.http.ApiRequest;
import dev.tunegate.emulator.http.ApiResponse;
import java.time.Instant;
import java.util.ArrayList;
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
    private final ObjectMapper mapper;
    private final Map<String, ServedModel> baseModels;
    private final TunedModelService tuned;
    private final Deployments deployments;
    private final BearerCheck bearer;
    private final ApiKeyCheck apiKey;
    private final Instant started;

    VertexApi(
            ObjectMapper mapper,
            Map<String, ServedModel> baseModels,
            TunedModelService tuned,
            Deployments deployments,
            BearerCheck bearer,
            ApiKeyCheck apiKey,
            Instant started) {
        this.mapper = mapper;
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
                    + " server (the Vertex AI surface serves publishers/google/models/{model},"
                    + " projects/{project}/locations/{location}/endpoints/{endpoint}, .../models/{model} and"
                    + " .../tuningJobs[/{job}]).");
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

    /** The resource a {@code GET} of the route returns: a PublisherModel, an Endpoint or a Model. */
    Map<String, Object> resource(VertexRoute route) {
        if (route.kind() == VertexRoute.Kind.MODEL) {
            return tunedModel(route);
        }
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
        if (deployments.model(route.id()) == null) {
            Map<String, Object> created = tuned.vertexResource(route.parent(), "endpoints", route.id());
            if (created != null) {
                return created;
            }
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

    /**
     * A tuned model of this emulator ({@code tunedModels/M}) as the Vertex AI {@code Model}
     * {@code projects/P/locations/L/models/M} (version 1), with the endpoints it is deployed to, so
     * that a client can resolve {@code .../models/M[@1]} to its endpoint.
     */
    private Map<String, Object> tunedModel(VertexRoute route) {
        Map<String, Object> fromJob = tuned.vertexResource(route.parent(), "models", route.id());
        if (fromJob != null) {
            return fromJob;
        }
        int at = route.id().indexOf('@');
        String id = at < 0 ? route.id() : route.id().substring(0, at);
        String version = at < 0 ? "1" : route.id().substring(at + 1);
        ApiException notFound = ApiException.notFound("Model `" + route.resourceName() + "` not found. (The emulator"
                + " serves its tuned models tunedModels/M as projects/P/locations/L/models/M, version 1.)");
        if (!version.equals("1") || !id.matches("[a-z0-9-]+")) {
            throw notFound;
        }
        TunedModel tuned;
        try {
            ApiResponse found = this.tuned.handle(
                    new ApiRequest("GET", "/v1beta/tunedModels/" + id, Map.of(), Map.of(), new byte[0]));
            tuned = mapper.convertValue(found.body(), TunedModel.class);
        } catch (ApiException e) {
            throw e.httpStatus() == 404 ? notFound : e;
        }
        String prefix = "projects/" + route.project() + "/locations/" + route.location() + "/";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", prefix + "models/" + id);
        body.put("versionId", "1");
        body.put("displayName", tuned.displayName() == null ? id : tuned.displayName());
        if (tuned.description() != null) {
            body.put("description", tuned.description());
        }
        List<Map<String, Object>> deployed = new ArrayList<>();
        deployments.all().forEach((endpoint, model) -> {
            if (model.equals("tunedModels/" + id)) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("endpoint", prefix + "endpoints/" + endpoint);
                d.put("deployedModelId", "1");
                d.put("checkpointId", "1");
                deployed.add(d);
            }
        });
        if (!deployed.isEmpty()) {
            body.put("deployedModels", deployed);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("tune-type", "sft");
        if (tuned.baseModel() != null) {
            labels.put(
                    "google-vertex-llm-tuning-base-model-id",
                    tuned.baseModel().substring(tuned.baseModel().indexOf('/') + 1));
        }
        body.put("labels", labels);
        body.put("defaultCheckpointId", "1");
        if (tuned.createTime() != null) {
            body.put("createTime", tuned.createTime());
        }
        if (tuned.updateTime() != null) {
            body.put("updateTime", tuned.updateTime());
        }
        return body;
    }

    /** The model that answers a generate call on the route. */
    ServedModel model(VertexRoute route) {
        if (route.kind() == VertexRoute.Kind.MODEL) {
            throw ApiException.notFound("A model is served through an endpoint: call "
                    + "projects/{project}/locations/{location}/endpoints/{endpoint}:" + route.method()
                    + " (GET " + route.resourceName() + " lists its deployedModels).");
        }
        if (route.kind() == VertexRoute.Kind.PUBLISHER_MODEL) {
            return requireBaseModel(route);
        }
        if (deployments.model(route.id()) == null) {
            ServedModel checkpoint = tuned.vertexEndpoint(route.id());
            if (checkpoint != null) {
                return checkpoint;
            }
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

    /**
     * The model that answers a batch prediction job naming the route: a publisher model, or a tuned model resource
     * {@code projects/P/locations/L/models/M[@1]} itself (batch jobs take tuned models, not their endpoints).
     */
    ServedModel batchModel(VertexRoute route) {
        if (route.kind() != VertexRoute.Kind.MODEL) {
            return model(route);
        }
        tunedModel(route); // a 404 unless the emulator has it, version 1
        int at = route.id().indexOf('@');
        return tuned.resolve("tunedModels/" + (at < 0 ? route.id() : route.id().substring(0, at)));
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
                    + " the endpoints deployed with --deploy ID=MODEL or builder deploy(id, model), and those of"
                    + " its tuning jobs' checkpoints.)");
        }
        return model;
    }
}
