package dev.tunegate.client;

import java.util.function.Supplier;

/**
 * Sends the Gemini API key in the {@code x-goog-api-key} header (never in the URL), reading the supplier for
 * every attempt. See {@link CredentialInterceptor} for the seam it fills.
 */
final class ApiKeyInterceptor extends CredentialInterceptor {
    static final String HEADER = "x-goog-api-key";

    private final Supplier<String> apiKey;

    ApiKeyInterceptor(Supplier<String> apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    String currentSecret() {
        return apiKey.get();
    }

    @Override
    String headerName() {
        return HEADER;
    }

    @Override
    public String toString() {
        return "ApiKeyInterceptor[" + HEADER + "]";
    }
}
