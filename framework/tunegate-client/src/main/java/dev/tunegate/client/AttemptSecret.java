package dev.tunegate.client;

/**
 * The secret one HTTP attempt carried, as recorded by its {@link CredentialInterceptor}. {@link Transport} tags
 * each request with a fresh instance and redacts the recorded secret from every error of that attempt.
 */
final class AttemptSecret {
    private volatile String value;

    void record(String secret) {
        this.value = secret;
    }

    /** The secret sent, or null when none was (yet) added. */
    String value() {
        return value;
    }
}
