package dev.tunegate.engine.matchers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The usable reply to one {@link JudgeCall}: the judge's text (and its JSON when the call gave a {@code
 * responseSchema}), or the embeddings. Replies the judge could not give (failed, blocked, truncated, not
 * JSON) never reach {@link JudgedMatcher#grade}: the engine makes the check an ERROR instead.
 *
 * @param text the judge's answer text ("" for an embedding call)
 * @param json the judge's answer parsed as JSON, for a call with a {@code responseSchema} (else null)
 * @param embeddings one vector per text, for an embedding call (else empty)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record JudgeResponse(String text, JsonNode json, List<double[]> embeddings) {

    /** Normalises absent values. */
    public JudgeResponse {
        text = text == null ? "" : text;
        embeddings = embeddings == null ? List.of() : List.copyOf(embeddings);
    }
}
