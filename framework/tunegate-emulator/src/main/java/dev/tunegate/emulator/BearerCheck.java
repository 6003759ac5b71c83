package dev.tunegate.emulator;

import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the OAuth 2 access token of Vertex AI requests ({@code Authorization: Bearer <token>}). Any
 * token (or none) is accepted unless one is required: then a missing one is 401 UNAUTHENTICATED and a
 * wrong one 403 PERMISSION_DENIED. Tokens are compared by SHA-256 digest and never echoed.
 */
final class BearerCheck {
    private final byte[] tokenDigest;

    /** A check for {@code requiredToken}; null or empty = any token accepted. */
    BearerCheck(String requiredToken) {
        this.tokenDigest = requiredToken == null || requiredToken.isEmpty() ? null : digest(requiredToken);
    }

    /** Whether the request carries an {@code Authorization} header. */
    static boolean present(ApiRequest request) {
        String header = request.header("Authorization");
        return header != null && !header.isBlank();
    }

    void check(ApiRequest request, VertexRoute route) {
        String permission = switch (route.kind()) {
            case ENDPOINT -> "endpoints";
            case TUNING_JOB -> "tuningJobs";
            default -> "models";
        };
        String method = route.method() == null ? "get" : route.method();
        check(
                request,
                "aiplatform.googleapis.com",
                "aiplatform." + permission + "." + (route.method() == null ? "get" : "predict"),
                "//aiplatform.googleapis.com/" + route.resourceName(),
                "google.cloud.aiplatform." + route.version() + ".PredictionService."
                        + Character.toUpperCase(method.charAt(0)) + method.substring(1));
    }

    /**
     * Checks the token of a call; the other arguments only shape the error: the service, the IAM
     * permission and resource a wrong token is denied, and the RPC method named in the ErrorInfo.
     */
    void check(ApiRequest request, String service, String permission, String resource, String rpcMethod) {
        if (tokenDigest == null) {
            return;
        }
        String header = request.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
        if (token == null || token.isEmpty()) {
            throw new ApiException(
                    401,
                    "UNAUTHENTICATED",
                    "Request is missing required authentication credential. Expected OAuth 2 access token,"
                            + " login cookie or other valid authentication credential. See"
                            + " https://developers.google.com/identity/sign-in/web/devconsole-project.",
                    List.of(errorInfo("CREDENTIALS_MISSING", service, rpcMethod)),
                    Map.of("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\""));
        }
        if (!MessageDigest.isEqual(tokenDigest, digest(token))) {
            throw new ApiException(
                    403,
                    "PERMISSION_DENIED",
                    "Permission '" + permission + "' denied on resource '" + resource + "' (or it may not exist).",
                    List.of(errorInfo("IAM_PERMISSION_DENIED", service, rpcMethod)),
                    null);
        }
    }

    private static Map<String, Object> errorInfo(String reason, String service, String rpcMethod) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("service", service);
        metadata.put("method", rpcMethod);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", reason);
        info.put("domain", "googleapis.com");
        info.put("metadata", metadata);
        return info;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
