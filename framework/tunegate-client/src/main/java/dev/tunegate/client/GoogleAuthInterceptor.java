package dev.tunegate.client;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * Sends {@code Authorization: Bearer <token>} from Google credentials (Application Default Credentials unless the
 * caller gave its own), scoped to {@value #SCOPE}. The credentials are loaded once, on the first Vertex call, and
 * shared by every call of the client; Google's library refreshes the token before it expires. Credentials that
 * cannot be found or refreshed fail the call at once, without a request, with the 401 UNAUTHENTICATED that Vertex
 * AI would answer and a message that says how to log in ({@link #LOGIN_HINT}). See {@link CredentialInterceptor}.
 */
final class GoogleAuthInterceptor extends CredentialInterceptor {
    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    static final String LOGIN_HINT = "log in with `gcloud auth application-default login`, or set"
            + " GOOGLE_APPLICATION_CREDENTIALS to a service-account key file";
    private static final int MAX_CAUSE = 200;

    private final Supplier<GoogleCredentials> source;
    private final String quotaProject;
    private volatile GoogleCredentials credentials;
    private volatile GeminiApiException loadFailure;

    /** {@code source} null means Application Default Credentials; {@code quotaProject} null means the credentials'. */
    GoogleAuthInterceptor(Supplier<GoogleCredentials> source, String quotaProject) {
        this.source = source;
        this.quotaProject = quotaProject;
    }

    @Override
    String currentSecret() {
        GoogleCredentials c = credentials();
        try {
            c.refreshIfExpired();
        } catch (IOException | RuntimeException e) {
            throw unauthenticated("the Google credentials could not be refreshed (expired or revoked?)", e);
        }
        AccessToken token = c.getAccessToken();
        if (token == null
                || token.getTokenValue() == null
                || token.getTokenValue().isBlank()) {
            throw unauthenticated("the Google credentials gave no access token", null);
        }
        return token.getTokenValue();
    }

    /** Loads the credentials once; a failure to find them is remembered, so later calls fail without looking again. */
    private GoogleCredentials credentials() {
        GoogleCredentials c = credentials;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (credentials != null) {
                return credentials;
            }
            if (loadFailure != null) {
                throw loadFailure;
            }
            try {
                GoogleCredentials loaded = source != null ? source.get() : GoogleCredentials.getApplicationDefault();
                if (loaded == null) {
                    throw new IOException("no credentials");
                }
                credentials = loaded.createScopedRequired() ? loaded.createScoped(List.of(SCOPE)) : loaded;
                return credentials;
            } catch (IOException | RuntimeException e) {
                loadFailure = unauthenticated("no Google credentials were found for Vertex AI", e);
                throw loadFailure;
            }
        }
    }

    /** The failure a Vertex call gets without usable credentials; the cause's text only, never its object. */
    static GeminiApiException unauthenticated(String what, Throwable cause) {
        String detail = "";
        if (cause != null && cause.getMessage() != null) {
            String first = cause.getMessage().strip().lines().findFirst().orElse("");
            detail = " (" + (first.length() > MAX_CAUSE ? first.substring(0, MAX_CAUSE) + "..." : first) + ")";
        }
        return new GeminiApiException(
                401, "UNAUTHENTICATED", what + detail + ": " + LOGIN_HINT, null, null, null, 0, null);
    }

    @Override
    String headerName() {
        return "Authorization";
    }

    @Override
    String headerValue(String secret) {
        return "Bearer " + secret;
    }

    @Override
    void addHeaders(Request.Builder request) {
        String quota = quotaProject;
        if (quota == null && credentials != null) {
            quota = credentials.getQuotaProjectId();
        }
        if (quota != null && !quota.isBlank()) {
            request.header("x-goog-user-project", quota);
        }
    }

    @Override
    public String toString() {
        return "GoogleAuthInterceptor[Authorization: Bearer]";
    }
}
