package dev.tunegate.emulator.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.emulator.TunedModelService;
import dev.tunegate.emulator.generation.ServedModel;
import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.http.ApiRequest;
import dev.tunegate.emulator.http.ApiResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The emulator's {@link TunedModelService}: the HTTP face of {@link TuningService} for every
 * {@code /v1beta/tunedModels...} route, and {@link #resolve} for the two generate methods, which the
 * emulator runs through its generation pipeline with a {@link LearnedAnswerer}.
 * <pre>
 * POST   /v1beta/tunedModels[?tunedModelId=]             create  -> Operation
 * GET    /v1beta/tunedModels[?pageSize&pageToken&filter] list    -> ListTunedModelsResponse
 * GET    /v1beta/tunedModels/{id}                        get     -> TunedModel
 * PATCH  /v1beta/tunedModels/{id}[?updateMask=]          patch   -> TunedModel
 * DELETE /v1beta/tunedModels/{id}                        delete  -> {}
 * GET    /v1beta/tunedModels/{id}/operations             list operations -> ListOperationsResponse
 * GET    /v1beta/tunedModels/{id}/operations/{op}        get operation   -> Operation
 * </pre>
 * A create with an {@code x-tunegate-fault} header containing {@value #FAULT_TOKEN} makes that run fail.
 */
final class TuningApi implements TunedModelService {

    /** The {@code x-tunegate-fault} token that makes a tuning run fail half-way. */
    public static final String FAULT_TOKEN = "tuning-failure";

    private static final Pattern COLLECTION = Pattern.compile("/v1beta/tunedModels/?");
    private static final Pattern MODEL = Pattern.compile("/v1beta/tunedModels/([^/:]+)");
    private static final Pattern OPERATIONS = Pattern.compile("/v1beta/tunedModels/([^/:]+)/operations/?");
    private static final Pattern OPERATION = Pattern.compile("/v1beta/tunedModels/([^/:]+)/operations/([^/:]+)");

    private static final Pattern EMPTY_OBJECT = Pattern.compile("\\s*\\{\\s*}\\s*");

    private final TuningService service;
    private final VertexTuningService vertex;
    private final Map<String, ServedModel> baseModels;
    private final ObjectMapper mapper = GeminiJson.newMapper();

    TuningApi(TuningService service, VertexTuningService vertex, Map<String, ServedModel> baseModels) {
        this.service = service;
        this.vertex = vertex;
        this.baseModels = Map.copyOf(baseModels);
    }

    @Override
    public ServedModel resolve(String name) {
        if (!name.startsWith("tunedModels/") || name.length() == "tunedModels/".length()) {
            throw ApiException.notFound("Tuned model " + name + " not found.");
        }
        ServingTunedModel model = service.serving(name.substring("tunedModels/".length()));
        ServedModel base = baseModels.get(model.baseModel());
        if (base == null) {
            throw ApiException.failedPrecondition("Tuned model " + name + " falls back to " + model.baseModel()
                    + ", which this emulator does not serve (see --models).");
        }
        SamplingDefaults defaults = model.defaults();
        return new ServedModel(
                name,
                new LearnedAnswerer(model, base.answerer()),
                defaults.temperature(),
                defaults.topP(),
                defaults.topK());
    }

    /**
     * Vertex AI tuning jobs ({@link VertexTuningService}): {@code POST parent/tuningJobs} create,
     * {@code GET parent/tuningJobs[?pageSize&pageToken]} list, {@code GET parent/tuningJobs/{id}},
     * {@code POST parent/tuningJobs/{id}:cancel}.
     */
    @Override
    public ApiResponse vertexTuningJobs(String parent, String jobId, String method, ApiRequest request) {
        String http = request.method().toUpperCase(Locale.ROOT);
        String path = request.path();
        if (jobId == null) {
            if (method != null) {
                throw ApiException.notFound("No such method: " + http + " " + path);
            }
            return switch (http) {
                case "POST" -> ApiResponse.ok(vertex.create(parent, request.body(), faultRequested(request)));
                case "GET" -> {
                    requireEmptyBody(request);
                    yield ApiResponse.ok(vertex.list(
                            parent,
                            intParam(request, "pageSize", "page_size"),
                            param(request, "pageToken", "page_token")));
                }
                default -> throw methodNotAllowed(http, path);
            };
        }
        if (method == null) {
            if (!http.equals("GET")) {
                throw methodNotAllowed(http, path);
            }
            requireEmptyBody(request);
            return ApiResponse.ok(vertex.get(parent, jobId));
        }
        if (!method.equals("cancel")) {
            throw ApiException.notFound("No such method: " + http + " " + path + " (tuning jobs have :cancel).");
        }
        if (!http.equals("POST")) {
            throw methodNotAllowed(http, path);
        }
        requireEmptyBody(request);
        return ApiResponse.ok(vertex.cancel(parent, jobId));
    }

    @Override
    public ServedModel vertexEndpoint(String endpointId) {
        return vertex.endpoint(endpointId);
    }

    @Override
    public Map<String, Object> vertexResource(String parent, String collection, String id) {
        return vertex.resource(parent, collection, id);
    }

    @Override
    public void close() {
        service.close();
        vertex.close();
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String path = request.path();
        String method = request.method().toUpperCase(Locale.ROOT);
        Matcher m;
        if (COLLECTION.matcher(path).matches()) {
            return switch (method) {
                case "POST" ->
                    ApiResponse.ok(service.create(
                            parse(request), param(request, "tunedModelId", "tuned_model_id"), faultRequested(request)));
                case "GET" -> {
                    requireEmptyBody(request);
                    yield ApiResponse.ok(service.list(
                            intParam(request, "pageSize", "page_size"),
                            param(request, "pageToken", "page_token"),
                            param(request, "filter", "filter")));
                }
                default -> throw methodNotAllowed(method, path);
            };
        }
        if ((m = MODEL.matcher(path)).matches()) {
            String id = m.group(1);
            return switch (method) {
                case "GET" -> {
                    requireEmptyBody(request);
                    yield ApiResponse.ok(service.get(id));
                }
                case "PATCH" ->
                    ApiResponse.ok(service.patch(id, parse(request), param(request, "updateMask", "update_mask")));
                case "DELETE" -> {
                    requireEmptyBody(request);
                    service.delete(id);
                    yield ApiResponse.ok(Map.of());
                }
                default -> throw methodNotAllowed(method, path);
            };
        }
        if ((m = OPERATIONS.matcher(path)).matches()) {
            if (!method.equals("GET")) {
                throw methodNotAllowed(method, path);
            }
            requireEmptyBody(request);
            return ApiResponse.ok(service.listOperations(
                    m.group(1), intParam(request, "pageSize", "page_size"), param(request, "pageToken", "page_token")));
        }
        if ((m = OPERATION.matcher(path)).matches()) {
            if (!method.equals("GET")) {
                throw methodNotAllowed(method, path);
            }
            requireEmptyBody(request);
            return ApiResponse.ok(service.getOperation(m.group(1), m.group(2)));
        }
        throw ApiException.notFound("No such method: " + method + " " + path);
    }

    private TunedModel parse(ApiRequest request) {
        if (!request.hasBody()) {
            throw ApiException.invalidArgument("tunedModel", "The request body must be a TunedModel JSON object.");
        }
        try {
            TunedModel model = mapper.readValue(request.body(), TunedModel.class);
            if (model == null) {
                throw ApiException.invalidArgument("tunedModel", "The request body must be a TunedModel JSON object.");
            }
            return model;
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : null;
            String message = cause != null ? cause.getMessage() : e.getOriginalMessage();
            if (field.isEmpty() && message != null && message.contains("source_model")) {
                field = "baseModel";
            }
            throw field.isEmpty()
                    ? ApiException.invalidArgument("Invalid JSON payload: " + message)
                    : ApiException.invalidArgument(field, "Invalid value at '" + field + "': " + message);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidArgument("Invalid JSON payload: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.invalidArgument("Invalid JSON payload: " + e.getMessage());
        }
    }

    /**
     * Methods without a request message (get, list, delete) take no body; like the service, an empty
     * JSON object is accepted too ({@code @google/genai} sends {@code {}} with {@code DELETE}).
     */
    private static void requireEmptyBody(ApiRequest request) {
        if (request.hasBody() && !EMPTY_OBJECT.matcher(request.bodyText()).matches()) {
            throw ApiException.invalidArgument("The request body must be empty.");
        }
    }

    private static String param(ApiRequest request, String camel, String snake) {
        return Optional.ofNullable(request.queryParam(camel)).orElseGet(() -> request.queryParam(snake));
    }

    private static Integer intParam(ApiRequest request, String camel, String snake) {
        String value = param(request, camel, snake);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidArgument(camel, camel + " must be an integer, got '" + value + "'.");
        }
    }

    private static boolean faultRequested(ApiRequest request) {
        String header = request.header("x-tunegate-fault");
        return header != null && header.toLowerCase(Locale.ROOT).contains(FAULT_TOKEN);
    }

    private static ApiException methodNotAllowed(String method, String path) {
        return new ApiException(
                405,
                "METHOD_NOT_ALLOWED",
                "Method " + method + " is not allowed on " + path + ".",
                null,
                Map.of("Allow", "GET, POST, PATCH, DELETE"));
    }
}
