package dev.tunegate.emulator;

import dev.tunegate.emulator.generation.ServedModel;
import dev.tunegate.emulator.http.ApiRequest;
import dev.tunegate.emulator.http.ApiResponse;
import org.apiguardian.api.API;

/**
 * The seam through which tuned models plug into the emulator (implemented by the tuning side).
 *
 * <p>The emulator routes every request whose path starts with {@code /v1beta/tunedModels} here, after
 * the API-key check and fault injection, except {@code tunedModels/{id}:generateContent} and
 * {@code :streamGenerateContent}: for those it calls {@link #resolve} and runs its own generation
 * pipeline (validation, JSON mode, limits, safety, token counts, streaming) with the returned model's
 * {@link dev.tunegate.emulator.generation.Answerer}. Throw {@link dev.tunegate.emulator.http.ApiException}
 * for errors (404 NOT_FOUND, 400 FAILED_PRECONDITION for a model that is not ACTIVE, ...); any other
 * exception becomes a 500. Implementations must be thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL)
public interface TunedModelService extends AutoCloseable {
    /**
     * Answers a request under {@code /v1beta/tunedModels} (create, get, list, patch, delete, operations).
     * The response body is serialised with the wire mapper.
     */
    ApiResponse handle(ApiRequest request);

    /**
     * The tuned model {@code name} ({@code tunedModels/{id}}) ready to answer generateContent.
     *
     * @throws dev.tunegate.emulator.http.ApiException NOT_FOUND or FAILED_PRECONDITION
     */
    ServedModel resolve(String name);

    /**
     * Answers a Vertex AI tuning-jobs request under {@code parent} ({@code projects/P/locations/L}):
     * {@code POST} create and {@code GET} list when {@code jobId} is null, {@code GET} one job, or
     * {@code POST ...:cancel} when {@code method} is {@code cancel}. Default: 404 (no Vertex tuning).
     */
    default ApiResponse vertexTuningJobs(String parent, String jobId, String method, ApiRequest request) {
        throw dev.tunegate.emulator.http.ApiException.notFound(
                "Requested entity was not found: " + parent + "/tuningJobs (this emulator serves no tuning jobs)");
    }

    /**
     * The model that Vertex AI endpoint {@code endpointId} serves when this service deployed it (a
     * tuning job's checkpoint), else null.
     */
    default ServedModel vertexEndpoint(String endpointId) {
        return null;
    }

    /**
     * The Vertex AI resource {@code parent/collection/id} this service created ({@code collection}
     * {@code endpoints} or {@code models}, {@code id} with an optional {@code @version}) as its JSON
     * object, or null when it is not one of this service's.
     */
    default java.util.Map<String, Object> vertexResource(String parent, String collection, String id) {
        return null;
    }

    /** Stops background work (tuning jobs); called by {@link GeminiEmulator#close()}. */
    @Override
    default void close() {}

    /** The service used when no tuning implementation is present: every tuned model is unknown. */
    static TunedModelService none() {
        return new TunedModelService() {
            @Override
            public ApiResponse handle(ApiRequest request) {
                throw dev.tunegate.emulator.http.ApiException.notFound("Requested entity was not found: "
                        + request.path().substring("/v1beta/".length()) + " (this emulator serves no tuned models)");
            }

            @Override
            public ServedModel resolve(String name) {
                throw dev.tunegate.emulator.http.ApiException.notFound(
                        "Requested entity was not found: " + name + " (this emulator serves no tuned models)");
            }
        };
    }
}
