package dev.tunegate.emulator;

import dev.tunegate.emulator.generation.ServedModel;
import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.http.ApiRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paths of Vertex AI batch inference after the version: {@code projects/P/locations/L/batchPredictionJobs}
 * ({@code POST} creates, {@code GET} lists), {@code .../batchPredictionJobs/ID} ({@code GET}) and
 * {@code .../batchPredictionJobs/ID:cancel} ({@code POST}); all need the bearer token when one is required.
 */
final class BatchPredictionRoutes {
    private static final Pattern PATH = Pattern.compile(
            "(?<parent>projects/[^/:]+/locations/[^/:]+)/batchPredictionJobs(?:/(?<id>[^/:]+))?(?::(?<method>[^/:]+))?");

    private final BatchPredictionService service;
    private final VertexApi vertex;
    private final BearerCheck bearer;

    BatchPredictionRoutes(BatchPredictionService service, VertexApi vertex, BearerCheck bearer) {
        this.service = service;
        this.vertex = vertex;
        this.bearer = bearer;
    }

    /** Whether {@code rest} (the path after the version) is a batch prediction path. */
    static boolean handles(String rest) {
        return PATH.matcher(rest).matches();
    }

    /** The name under {@code /emulator/stats}: {@code vertex.batchPredictionJobs.create|list|get|cancel}. */
    static String statsName(String method, String rest) {
        Matcher m = PATH.matcher(rest);
        if (!m.matches()) {
            return "vertex.unknown";
        }
        String op = m.group("method") != null
                ? m.group("method")
                : m.group("id") != null ? "get" : method.equals("POST") ? "create" : "list";
        return "vertex.batchPredictionJobs." + op;
    }

    /** Answers the request; {@code rest} is the path after {@code version}. */
    Map<String, Object> handle(ApiRequest request, String version, String rest) {
        Matcher m = PATH.matcher(rest);
        if (!m.matches()) {
            throw ApiException.notFound(
                    "The requested URL /" + version + "/" + rest + " was not found on this server.");
        }
        String parent = m.group("parent");
        String id = m.group("id");
        String method = m.group("method");
        String resource = id == null ? parent : parent + "/batchPredictionJobs/" + id;
        String rpc =
                id == null ? request.method().equals("POST") ? "Create" : "List" : method == null ? "Get" : "Cancel";
        bearer.check(
                request,
                "aiplatform.googleapis.com",
                "aiplatform.batchPredictionJobs." + rpc.toLowerCase(java.util.Locale.ROOT),
                "//aiplatform.googleapis.com/" + resource,
                "google.cloud.aiplatform." + version + ".JobService." + rpc + "BatchPredictionJob");
        if (id == null && method == null) {
            if (request.method().equals("POST")) {
                return service.create(parent, request.body(), model -> model(version, model));
            }
            requireMethod(request, "GET");
            return service.list(parent, request.queryParam("pageSize"), request.queryParam("pageToken"));
        }
        if (id != null && method == null) {
            requireMethod(request, "GET");
            return service.get(resource);
        }
        if (id != null && method.equals("cancel")) {
            requireMethod(request, "POST");
            return service.cancel(resource);
        }
        throw ApiException.notFound("Unknown method :" + method + " on " + resource + " (supported: :cancel).");
    }

    /** The model a job names; one the emulator does not serve is a 400 naming {@code model}. */
    private ServedModel model(String version, String model) {
        VertexRoute route = VertexRoute.parse(version, model);
        if (route == null || route.method() != null || route.kind() == VertexRoute.Kind.ENDPOINT) {
            throw ApiException.invalidArgument(
                    "model",
                    "model must be a publisher model publishers/google/models/M or a tuned model"
                            + " projects/P/locations/L/models/M[@V] (not an endpoint), got '" + model + "'.");
        }
        try {
            return vertex.batchModel(route);
        } catch (ApiException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
            throw ApiException.invalidArgument("model", "model: " + e.getMessage());
        }
    }

    private static void requireMethod(ApiRequest request, String method) {
        if (!request.method().equals(method)) {
            throw ApiException.notFound(
                    "Method " + request.method() + " is not supported on " + request.path() + " (use " + method + ").");
        }
    }
}
