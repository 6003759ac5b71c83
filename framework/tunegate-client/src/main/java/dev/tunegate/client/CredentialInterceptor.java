package dev.tunegate.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The authentication seam: an OkHttp application {@link Interceptor} that adds one secret header to every HTTP
 * attempt. {@link OkHttpWiring} installs exactly one, first in the chain (so the caller's own interceptors see
 * the request as it will be sent). Today that is {@link ApiKeyInterceptor} ({@code x-goog-api-key}); Vertex AI
 * calls go through {@link GoogleAuthInterceptor} ({@code Authorization: Bearer <token>} from Google credentials),
 * an {@link ApiKeyInterceptor} (express mode) or no credential at all (a local emulator).
 *
 * <p>Subclasses only say where the secret comes from and how the header looks. This class keeps the two
 * promises every credential makes to {@link Transport}: the secret an attempt carried is recorded in that
 * request's {@link AttemptSecret} tag, so that error messages for the attempt can be redacted; and a failing
 * secret source fails the call with its own exception ({@link SourceFailed} carries it) instead of being
 * retried as a network error.
 */
abstract class CredentialInterceptor implements Interceptor {

    /** The secret for the next attempt, read each time (keys rotate, tokens expire); null or blank sends none. */
    abstract String currentSecret();

    /** The header that carries the secret. */
    abstract String headerName();

    /** The header value for {@code secret}; the secret itself unless a scheme such as {@code Bearer} applies. */
    String headerValue(String secret) {
        return secret;
    }

    /** Adds headers that are not secret (e.g. {@code x-goog-user-project}) to an attempt; none by default. */
    void addHeaders(Request.Builder request) {}

    @Override
    public final Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String secret;
        try {
            secret = currentSecret();
        } catch (RuntimeException e) {
            throw new SourceFailed(e);
        }
        AttemptSecret sent = request.tag(AttemptSecret.class);
        if (sent != null) {
            sent.record(secret);
        }
        Request.Builder sending = request.newBuilder();
        addHeaders(sending);
        if (secret != null && !secret.isBlank()) {
            sending.header(headerName(), headerValue(secret));
        }
        return chain.proceed(sending.build());
    }

    /** The secret source threw; OkHttp hands this to the call's {@code onFailure}, which fails with the cause. */
    static final class SourceFailed extends IOException {
        private static final long serialVersionUID = 1L;

        SourceFailed(RuntimeException cause) {
            super("credential source failed", cause);
        }

        /** What the secret source threw. */
        RuntimeException source() {
            return (RuntimeException) getCause();
        }
    }
}
