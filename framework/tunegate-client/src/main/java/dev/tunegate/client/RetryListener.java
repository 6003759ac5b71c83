package dev.tunegate.client;

import org.apiguardian.api.API;

/** Observes retries, e.g. to count them in reports. Called on an HTTP or scheduler thread; keep it quick. */
@FunctionalInterface
@API(status = API.Status.STABLE)
public interface RetryListener {
    /** A listener that does nothing. */
    RetryListener NONE = event -> {};

    /** Called before the client waits {@code event.delay()} and tries again. */
    void onRetry(RetryEvent event);
}
