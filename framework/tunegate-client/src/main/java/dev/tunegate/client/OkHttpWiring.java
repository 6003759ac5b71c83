package dev.tunegate.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the two OkHttp clients a {@link GeminiClient} sends through (one for ordinary calls, one without a
 * call timeout for streams; they share dispatcher, pool and interceptors) and releases what it built.
 *
 * <p>Concurrency has one owner, the client's {@link AsyncPermits}: calls waiting for a permit never reach
 * OkHttp. The dispatcher's limits are therefore raised until they cannot bind (see
 * {@link #raiseDispatcherLimits}), and every retry is the {@link RetryPolicy}'s, not OkHttp's.
 */
final class OkHttpWiring {
    /** Dispatcher limit when the client has no cap of its own: a guard against one thread per call without end. */
    static final int UNCAPPED_DISPATCHER_LIMIT = 1024;

    final OkHttpClient http;
    final OkHttpClient streaming;
    private final boolean owned;

    private OkHttpWiring(OkHttpClient http, boolean owned) {
        this.http = http;
        this.streaming = http.newBuilder().callTimeout(Duration.ZERO).build();
        this.owned = owned;
    }

    /** Wires the caller's OkHttpClient (its pool, dispatcher, interceptors) or a new one, with {@code credentials} first. */
    static OkHttpWiring create(ClientSettings settings, CredentialInterceptor credentials) {
        OkHttpClient.Builder builder;
        boolean owned = settings.okHttpClient() == null;
        if (owned) {
            Dispatcher dispatcher = new Dispatcher();
            raiseDispatcherLimits(dispatcher, settings.maxConcurrentRequests());
            // Keep as many idle connections as calls may be in flight: with OkHttp's default of 5, a burst of
            // concurrent calls leaves connections that are closed when idle and opened again for the next burst.
            int idle = Math.max(5, Math.min(settings.maxConcurrentRequests(), 256));
            builder = new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    .connectionPool(new ConnectionPool(idle, 5, TimeUnit.MINUTES))
                    .connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(60))
                    .writeTimeout(Duration.ofSeconds(60))
                    .callTimeout(Duration.ofSeconds(120));
        } else {
            builder = settings.okHttpClient().newBuilder();
            raiseDispatcherLimits(settings.okHttpClient().dispatcher(), settings.maxConcurrentRequests());
        }
        if (settings.connectTimeout() != null) {
            builder.connectTimeout(settings.connectTimeout());
        }
        if (settings.readTimeout() != null) {
            builder.readTimeout(settings.readTimeout());
        }
        if (settings.writeTimeout() != null) {
            builder.writeTimeout(settings.writeTimeout());
        }
        if (settings.callTimeout() != null) {
            builder.callTimeout(settings.callTimeout());
        }
        // First, so that the caller's own application interceptors see the request as it is sent.
        builder.interceptors().add(0, credentials);
        // The RetryPolicy owns every retry, so that each one is counted and reported (OkHttp would silently
        // repeat 408s and failed connections otherwise).
        return new OkHttpWiring(builder.retryOnConnectionFailure(false).build(), owned);
    }

    /**
     * Raises the dispatcher's limits so that they never hold back a call the client let through. AsyncPermits
     * admits at most {@code maxConcurrent} calls, but releases a permit in the response callback, while OkHttp
     * still counts that call as running; so up to twice the cap can be running there at once, and the limit is
     * at least that (and at least 64). Without a client-side cap the dispatcher keeps a high limit
     * ({@value #UNCAPPED_DISPATCHER_LIMIT}) only as a guard against unbounded threads. Limits already higher
     * (a caller's dispatcher) are left alone.
     */
    static void raiseDispatcherLimits(Dispatcher dispatcher, int maxConcurrent) {
        int wanted = maxConcurrent > 0 ? Math.max(64, maxConcurrent * 2) : UNCAPPED_DISPATCHER_LIMIT;
        if (dispatcher.getMaxRequests() < wanted) {
            dispatcher.setMaxRequests(wanted);
        }
        if (dispatcher.getMaxRequestsPerHost() < wanted) {
            dispatcher.setMaxRequestsPerHost(wanted);
        }
    }

    /**
     * The same clients (dispatcher, pool, timeouts, the caller's interceptors) with {@code credentials} in place of
     * this wiring's: the second backend of a client (Vertex AI) shares everything but the credential. Closing it
     * does nothing; the wiring it came from owns the resources.
     */
    OkHttpWiring withCredentials(CredentialInterceptor credentials) {
        OkHttpClient.Builder builder = http.newBuilder();
        builder.interceptors().set(0, credentials);
        return new OkHttpWiring(builder.build(), false);
    }

    /** Stops the dispatcher's threads and drops idle connections, when the OkHttpClient was built here. */
    void close() {
        if (owned) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
