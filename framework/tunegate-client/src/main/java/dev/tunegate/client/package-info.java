/**
 * A Java client for the Gemini API: {@link dev.tunegate.client.GeminiClient} and the types its calls return or
 * throw. Public types carry apiguardian's {@code @API}: the supported surface is {@code STABLE} (pinned by
 * {@code ClientPublicApiTest}); {@code INTERNAL} types are shared with TuneGate's other modules and may change
 * without notice. Everything else is package-private.
 */
package dev.tunegate.client;
