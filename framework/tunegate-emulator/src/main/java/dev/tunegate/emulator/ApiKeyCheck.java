package dev.tunegate.emulator;

import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the API key of {@code /v1beta} requests ({@code x-goog-api-key} header, else the {@code key}
 * query parameter): missing is 401 UNAUTHENTICATED, wrong is 403 PERMISSION_DENIED with an ErrorInfo
 * {@code API_KEY_INVALID}. Keys are compared by SHA-256 digest in constant time and never echoed.
 */
final class ApiKeyCheck {
    private final byte[] apiKeyDigest;

    /** A check for {@code requiredKey}; null or empty = no key required. */
    ApiKeyCheck(String requiredKey) {
        this.apiKeyDigest = requiredKey == null || requiredKey.isEmpty() ? null : digest(requiredKey);
    }

    void check(ApiRequest request) {
        if (apiKeyDigest == null) {
            return;
        }
        String key = request.header("x-goog-api-key");
        if (key == null) {
            key = request.queryParam("key");
        }
        if (key == null || key.isEmpty()) {
            throw new ApiException(
                    401,
                    "UNAUTHENTICATED",
                    "Method doesn't allow unregistered callers (callers"
                            + " without established identity). Please use API Key or other form of API consumer identity"
                            + " to call this API.",
                    List.of(errorInfo("CREDENTIALS_MISSING")),
                    null);
        }
        if (!MessageDigest.isEqual(apiKeyDigest, digest(key))) {
            throw new ApiException(
                    403,
                    "PERMISSION_DENIED",
                    "API key not valid. Please pass a valid API key.",
                    List.of(errorInfo("API_KEY_INVALID")),
                    null);
        }
    }

    private static Map<String, Object> errorInfo(String reason) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", reason);
        info.put("domain", "googleapis.com");
        info.put("metadata", Map.of("service", "generativelanguage.googleapis.com"));
        return info;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
