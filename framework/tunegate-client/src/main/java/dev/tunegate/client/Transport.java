package dev.tunegate.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one logical call asynchronously: waits for a concurrency permit ({@link AsyncPermits}) and a rate slot
 * ({@link RequestPacer}) without blocking a thread, and retries per {@link RetryPolicy} on a scheduler. It is
 * the one owner of the client's concurrency and rate limits. Credentials are not its business: the
 * {@link CredentialInterceptor} in the OkHttp chain adds them and records, in each request's
 * {@link AttemptSecret} tag, what to redact from that attempt's errors.
 */
final class Transport {
    static final System.Logger LOG = System.getLogger("dev.tunegate.client.GeminiClient");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String USER_AGENT = "tunegate-client/0.1";

    /**
     * Reads a successful (2xx) response; {@code startNanos} is when the call took its permit. IOExceptions are
     * treated as transport failures and retried.
     */
    @FunctionalInterface
    interface BodyHandler<T> {
        T handle(Response response, long startNanos) throws IOException;
    }

    /** A call's value, how many retries it needed, and its latency from taking a permit to completion. */
    record Outcome<T>(T value, int retries, Duration latency) {}

    private final RetryPolicy policy;
    private final AsyncPermits permits;
    private final RequestPacer pacer;
    private final RetryListener listener;
    private final ScheduledExecutorService scheduler;
    private final ApiErrors errors;
    private final Ticker ticker;
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong failedCalls = new AtomicLong();

    Transport(
            RetryPolicy policy,
            AsyncPermits permits,
            RequestPacer pacer,
            RetryListener listener,
            ScheduledExecutorService scheduler,
            ApiErrors errors,
            Ticker ticker) {
        this.policy = policy;
        this.permits = permits;
        this.pacer = pacer;
        this.listener = listener;
        this.scheduler = scheduler;
        this.errors = errors;
        this.ticker = ticker;
    }

    int inFlight() {
        return permits.inFlight();
    }

    /** Most calls in flight at once; 0 means no cap. */
    int maxConcurrentRequests() {
        return permits.max();
    }

    /** Most HTTP attempts started per minute; 0 means no limit. */
    double requestsPerMinute() {
        return pacer.requestsPerMinute();
    }

    <T> CompletableFuture<Outcome<T>> call(
            OkHttpClient http, String method, HttpUrl url, byte[] body, boolean eventStream, BodyHandler<T> handler) {
        return call(http, method, url, body, JSON, eventStream, handler);
    }

    /** Like the JSON call, with a request body of another media type (a Cloud Storage media upload). */
    <T> CompletableFuture<Outcome<T>> call(
            OkHttpClient http,
            String method,
            HttpUrl url,
            byte[] body,
            MediaType contentType,
            boolean eventStream,
            BodyHandler<T> handler) {
        Exchange<T> exchange = new Exchange<>(http, method, url, body, contentType, eventStream, handler);
        permits.acquire().whenComplete((ignored, error) -> exchange.begin());
        return exchange.future;
    }

    /** The state of one logical call across its attempts. */
    private final class Exchange<T> implements Callback {
        private final OkHttpClient http;
        private final String method;
        private final HttpUrl url;
        private final byte[] body;
        private final MediaType contentType;
        private final boolean eventStream;
        private final BodyHandler<T> handler;
        private final String name;
        private volatile long startNanos;
        private volatile long deadlineStartNanos;
        private final AtomicBoolean finished = new AtomicBoolean();
        final CompletableFuture<Outcome<T>> future = new CompletableFuture<>();
        private volatile int attempt;
        private volatile int retryCount;
        private volatile AttemptSecret secret = new AttemptSecret();

        Exchange(
                OkHttpClient http,
                String method,
                HttpUrl url,
                byte[] body,
                MediaType contentType,
                boolean eventStream,
                BodyHandler<T> handler) {
            this.http = http;
            this.method = method;
            this.url = url;
            this.body = body;
            this.contentType = contentType;
            this.eventStream = eventStream;
            this.handler = handler;
            this.name = method + " " + url.encodedPath();
        }

        /** Starts the clock once a permit is held: queueing for a permit counts neither as latency nor as retry time. */
        void begin() {
            startNanos = System.nanoTime();
            deadlineStartNanos = ticker.nanoTime();
            pace();
        }

        void pace() {
            try {
                long wait = pacer.reserveNanos();
                if (wait > 0) {
                    scheduler.schedule(this::send, wait, TimeUnit.NANOSECONDS);
                } else {
                    send();
                }
            } catch (RejectedExecutionException e) {
                fail(new IllegalStateException("GeminiClient is closed", e));
            }
        }

        private void send() {
            if (future.isDone()) {
                release();
                return;
            }
            attempt++;
            attempts.incrementAndGet();
            try {
                AttemptSecret attemptSecret = new AttemptSecret();
                secret = attemptSecret;
                Request.Builder rb = new Request.Builder()
                        .url(url)
                        .header("User-Agent", USER_AGENT)
                        .tag(AttemptSecret.class, attemptSecret);
                if (eventStream) {
                    rb.header("Accept", "text/event-stream");
                }
                rb.method(method, body == null ? null : RequestBody.create(body, contentType));
                http.newCall(rb.build()).enqueue(this);
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        @Override
        public void onFailure(Call call, IOException e) {
            if (e instanceof CredentialInterceptor.SourceFailed failed) {
                fail(failed.source());
                return;
            }
            retryOrFail(errors.fromIOException(e, key(), name, attempt));
        }

        /** The secret the current attempt carried, to be redacted from its errors. */
        private String key() {
            return secret.value();
        }

        @Override
        public void onResponse(Call call, Response response) {
            try (response) {
                if (response.isSuccessful()) {
                    T value = handler.handle(response, startNanos);
                    LOG.log(Level.DEBUG, () -> name + " -> " + response.code() + " (attempt " + attempt + ")");
                    succeed(value);
                    return;
                }
                ResponseBody rb = response.body();
                String text = rb == null ? "" : rb.string();
                GeminiApiException error = errors.fromResponse(
                        response.code(),
                        response.message(),
                        response.header("Retry-After"),
                        text,
                        key(),
                        name,
                        attempt);
                if (RetryPolicy.isRetryableStatus(response.code())) {
                    retryOrFail(error);
                } else {
                    fail(error);
                }
            } catch (JsonProcessingException e) {
                // The whole body arrived but is not the expected JSON: a server fault that a retry will not fix.
                fail(new GeminiApiException(
                        response.code(),
                        "INTERNAL",
                        "malformed response body: " + Redactor.redact(e.getOriginalMessage(), key()),
                        null,
                        null,
                        name,
                        attempt,
                        null));
            } catch (IOException e) {
                retryOrFail(errors.fromIOException(e, key(), name, attempt));
            } catch (RuntimeException | Error e) {
                fail(e);
            }
        }

        private void retryOrFail(GeminiApiException error) {
            int failed = attempt;
            if (failed < policy.maxAttempts() && !future.isDone()) {
                Duration delay = error.retryDelay().orElseGet(() -> RetryDelays.backoff(policy, failed));
                Duration elapsed = Duration.ofNanos(ticker.nanoTime() - deadlineStartNanos);
                if (elapsed.plus(delay).compareTo(policy.maxTotalTime()) <= 0) {
                    retryCount++;
                    retries.incrementAndGet();
                    RetryEvent event = new RetryEvent(
                            name,
                            failed,
                            error.httpStatus(),
                            error.googleStatus() + ": " + error.serverMessage(),
                            delay);
                    LOG.log(
                            Level.DEBUG,
                            () -> "retrying " + name + " after HTTP " + error.httpStatus() + " "
                                    + error.googleStatus() + " in " + delay.toMillis() + " ms (attempt " + failed
                                    + " of "
                                    + policy.maxAttempts() + ")");
                    try {
                        listener.onRetry(event);
                    } catch (RuntimeException listenerFailure) {
                        LOG.log(Level.WARNING, "retry listener failed: " + listenerFailure);
                    }
                    try {
                        scheduler.schedule(this::pace, delay.toNanos(), TimeUnit.NANOSECONDS);
                    } catch (RejectedExecutionException e) {
                        fail(error);
                    }
                    return;
                }
            }
            fail(error);
        }

        private void succeed(T value) {
            if (finished.compareAndSet(false, true)) {
                permits.release();
                future.complete(new Outcome<>(value, retryCount, Duration.ofNanos(System.nanoTime() - startNanos)));
            }
        }

        private void fail(Throwable error) {
            if (finished.compareAndSet(false, true)) {
                failedCalls.incrementAndGet();
                permits.release();
                LOG.log(Level.DEBUG, () -> name + " failed: " + error.getMessage());
                future.completeExceptionally(error);
            }
        }

        private void release() {
            if (finished.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }
}
