package dev.tunegate.client;

import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * What a {@link GeminiClient.Builder} collected, frozen at {@code build()}. Null timeouts keep the OkHttp
 * client's own (or {@link OkHttpWiring}'s defaults); {@code okHttpClient} is null unless the caller supplied one;
 * {@code storageBaseUrl} is null unless the caller named one (then the Vertex AI base URL, else Google's, is used).
 */
record ClientSettings(
        String baseUrl,
        Supplier<String> apiKey,
        boolean hasKeySupplier,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        Duration callTimeout,
        RetryPolicy retryPolicy,
        int maxConcurrentRequests,
        double requestsPerMinute,
        OkHttpClient okHttpClient,
        RetryListener retryListener,
        Duration pollInitial,
        Duration pollMax,
        Ticker ticker,
        VertexSettings vertex,
        String storageBaseUrl) {}
