package dev.tunegate.client;

import okhttp3.HttpUrl;

/** Normalises resource names and builds Gemini API ({@code /v1beta/...}) and Vertex AI URLs from them. */
final class ResourceNames {
    private ResourceNames() {}

    /** "gemini-2.0-flash" becomes "models/gemini-2.0-flash"; "models/*" and "tunedModels/*" are kept. */
    static String model(String name) {
        String n = requireText(name, "model");
        if (n.startsWith("models/") || n.startsWith("tunedModels/")) {
            return checkSegments(n, 2, "model");
        }
        if (n.contains("/")) {
            throw new IllegalArgumentException("model must be models/{id}, tunedModels/{id} or a bare id, was: " + n);
        }
        return checkSegments("models/" + n, 2, "model");
    }

    /** "x" becomes "tunedModels/x"; "tunedModels/x" is kept. */
    static String tunedModel(String name) {
        String n = requireText(name, "tuned model name");
        if (!n.startsWith("tunedModels/")) {
            if (n.contains("/")) {
                throw new IllegalArgumentException("tuned model name must be tunedModels/{id} or a bare id, was: " + n);
            }
            n = "tunedModels/" + n;
        }
        return checkSegments(n, 2, "tuned model name");
    }

    /** A base model name: "x" becomes "models/x". */
    static String baseModel(String name) {
        String n = requireText(name, "model name");
        if (!n.startsWith("models/")) {
            if (n.contains("/")) {
                throw new IllegalArgumentException("model name must be models/{id} or a bare id, was: " + n);
            }
            n = "models/" + n;
        }
        return checkSegments(n, 2, "model name");
    }

    /** An operation name {@code tunedModels/{id}/operations/{op}}. */
    static String operation(String name) {
        String n = requireText(name, "operation name");
        String[] s = n.split("/", -1);
        if (s.length != 4 || !"tunedModels".equals(s[0]) || !"operations".equals(s[2])) {
            throw new IllegalArgumentException("operation name must be tunedModels/{id}/operations/{op}, was: " + n);
        }
        return checkSegments(n, 4, "operation name");
    }

    /** {@code base + /v1beta/ + name segments}, the last segment suffixed with {@code :method} when given. */
    static HttpUrl.Builder url(HttpUrl base, String name, String customMethod) {
        HttpUrl.Builder b = base.newBuilder().query(null).fragment(null);
        b.addPathSegment("v1beta");
        String[] segments = name.split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (i == segments.length - 1 && customMethod != null) {
                segment = segment + ":" + customMethod;
            }
            b.addPathSegment(segment);
        }
        return b;
    }

    /** {@code base + /apiVersion/ + name segments}, the last suffixed with {@code :method} when given (Vertex AI). */
    static HttpUrl.Builder vertexUrl(HttpUrl base, String apiVersion, String name, String customMethod) {
        HttpUrl.Builder b = base.newBuilder().query(null).fragment(null);
        b.addPathSegment(apiVersion);
        String[] segments = name.split("/");
        for (int i = 0; i < segments.length; i++) {
            b.addPathSegment(
                    i == segments.length - 1 && customMethod != null ? segments[i] + ":" + customMethod : segments[i]);
        }
        return b;
    }

    /** Google's Vertex AI host for a location: {@code https://{L}-aiplatform.googleapis.com}, or the global one. */
    static HttpUrl vertexHost(String location) {
        if (location == null || location.equals("global")) {
            return HttpUrl.get("https://aiplatform.googleapis.com");
        }
        if (!location.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("not a Vertex AI location: " + location);
        }
        return HttpUrl.get("https://" + location + "-aiplatform.googleapis.com");
    }

    private static String requireText(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return name.strip();
    }

    private static String checkSegments(String n, int count, String what) {
        String[] s = n.split("/", -1);
        if (s.length != count) {
            throw new IllegalArgumentException(
                    what + " has " + s.length + " path segments, expected " + count + ": " + n);
        }
        for (String segment : s) {
            if (segment.isEmpty()
                    || segment.equals(".")
                    || segment.equals("..")
                    || segment.contains(":")
                    || segment.contains("?")
                    || segment.contains("#")) {
                throw new IllegalArgumentException(what + " has an invalid segment '" + segment + "': " + n);
            }
        }
        return n;
    }
}
