package dev.tunegate.client;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns an asynchronous call into a blocking one, failing with the call's own exception, unwrapped. */
final class Blocking {
    private Blocking() {}

    /** The future's value; interruption cancels the call and fails with status CANCELLED. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new GeminiApiException(
                    0, "CANCELLED", "interrupted while waiting for the response", null, null, null, 1, e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (CancellationException e) {
            throw new GeminiApiException(0, "CANCELLED", "call cancelled", null, null, null, 1, e);
        }
    }

    private static RuntimeException unwrap(Throwable t) {
        Throwable cause = t;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
