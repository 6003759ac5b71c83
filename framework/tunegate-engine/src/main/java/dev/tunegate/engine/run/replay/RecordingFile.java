package dev.tunegate.engine.run.replay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tunegate.client.model.GenerateContentResponse;
import java.util.List;

/**
 * What a replay reads from a recording file: its key, the answer (one response, or the chunks of a
 * streamed one), its timings and when it was recorded ({@code recordedAt}, ISO-8601; null in recordings
 * written before that field existed). The recorded request and the other fields are skipped unparsed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RecordingFile(
        String key,
        GenerateContentResponse response,
        List<GenerateContentResponse> chunks,
        Timings timings,
        String recordedAt) {

    /** The recorded latency and time to the first chunk, as ISO-8601 durations. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Timings(String latency, String timeToFirstChunk) {}
}
