package dev.tunegate.client;

/** Observes retries, e.g. to count them in reports. Called on an HTTP or scheduler thread; keep it quick. */
@FunctionalInterface
public interface RetryListener {
    /** A listener that does nothing. */
    RetryListener NONE = event -> {};

    /** Called before the client waits {@code event.delay()} and tries again. */
    void onRetry(RetryEvent event);
}
