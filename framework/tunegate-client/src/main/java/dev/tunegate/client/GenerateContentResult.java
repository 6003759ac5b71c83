package dev.tunegate.client;

import dev.tunegate.client.model.GenerateContentResponse;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A generateContent response, how many retries it took, and its latency: from the moment the call held a
 * concurrency permit (time spent queueing behind {@code maxConcurrentRequests} is excluded) to completion,
 * including rate-limit pacing, retries and their backoff.
 */
@API(status = API.Status.STABLE)
public record GenerateContentResult(GenerateContentResponse response, int retries, Duration latency) {
    /** The first candidate's text, or null. */
    public String text() {
        return response == null ? null : response.text();
    }
}
