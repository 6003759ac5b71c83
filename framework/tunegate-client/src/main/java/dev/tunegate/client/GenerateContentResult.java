package dev.tunegate.client;

import dev.tunegate.client.model.GenerateContentResponse;
import java.time.Duration;

/** A generateContent response together with how many retries it took and the call's total latency. */
public record GenerateContentResult(GenerateContentResponse response, int retries, Duration latency) {
    /** The first candidate's text, or null. */
    public String text() {
        return response == null ? null : response.text();
    }
}
