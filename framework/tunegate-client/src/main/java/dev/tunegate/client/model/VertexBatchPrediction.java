package dev.tunegate.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;

/**
 * One line of a Vertex AI batch prediction job's JSONL output: the input line's {@code key} (TuneGate writes one into
 * every input line; the output keeps the input line's fields), the {@code request} as read, and either the
 * {@code response} or a non-empty {@code status} saying why the request failed. Lines are not in input order.
 *
 * @param key      the input line's {@code key}, or null when it had none
 * @param request  the request, as Vertex AI echoes it
 * @param response the answer, or null when the request failed
 * @param status   empty or null when answered, else the error
 */
@API(status = API.Status.EXPERIMENTAL)
public record VertexBatchPrediction(String key, JsonNode request, GenerateContentResponse response, String status) {

    /** True when the line carries an answer. */
    public boolean answered() {
        return response != null && (status == null || status.isEmpty());
    }
}
