package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tunegate.client.model.GenerateContentRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The key header comes from an OkHttp interceptor: read per attempt, seen by the caller's interceptors, redacted. */
class CredentialsTest extends MockGemini {

    @Test
    void theKeyIsReadForEveryAttempt() {
        AtomicInteger reads = new AtomicInteger();
        GeminiClient c =
                track(builder().apiKey(() -> "key-" + reads.incrementAndGet()).build());
        server.enqueue(error(503, "UNAVAILABLE", "busy"));
        server.enqueue(ok(HELLO));
        assertThat(c.generateContent("gemini-2.0-flash", "x").text()).isEqualTo("Hello!");
        assertThat(take().getHeaders().get("x-goog-api-key")).isEqualTo("key-1");
        assertThat(take().getHeaders().get("x-goog-api-key")).isEqualTo("key-2");
    }

    @Test
    void aFailingKeySourceFailsTheCallWithItsOwnExceptionAndIsNotRetried() {
        IllegalStateException boom = new IllegalStateException("vault is sealed");
        GeminiClient c = track(builder()
                .apiKey(() -> {
                    throw boom;
                })
                .build());
        Throwable thrown = catchThrowable(() -> c.generateContent("gemini-2.0-flash", "x"));
        assertThat(thrown).isSameAs(boom);
        assertThat(server.getRequestCount()).isZero();
        assertThat(c.metrics().retries()).isZero();
        assertThat(c.metrics().failedCalls()).isEqualTo(1);
    }

    @Test
    void theCallersInterceptorsSeeTheKeyHeaderAndTheirClientIsLeftAsItWas() {
        List<String> seen = new CopyOnWriteArrayList<>();
        OkHttpClient own = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.add(String.valueOf(chain.request().header("x-goog-api-key")));
                    return chain.proceed(chain.request());
                })
                .build();
        GeminiClient c = track(builder().okHttpClient(own).build());
        server.enqueue(ok(HELLO));
        c.generateContentResult("gemini-2.0-flash", GenerateContentRequest.of("x"));
        assertThat(seen).containsExactly(KEY);
        assertThat(own.interceptors()).hasSize(1);
    }

    @Test
    void theKeyAnAttemptCarriedIsRedactedFromItsError() {
        String key = "rotating-key-42";
        GeminiClient c = track(builder().apiKey(() -> key).build());
        server.enqueue(error(400, "INVALID_ARGUMENT", "API key " + key + " not valid"));
        GeminiApiException e = (GeminiApiException) catchThrowable(() -> c.generateContent("gemini-2.0-flash", "x"));
        assertThat(e.getMessage()).doesNotContain(key).contains(Redactor.MASK);
    }
}
