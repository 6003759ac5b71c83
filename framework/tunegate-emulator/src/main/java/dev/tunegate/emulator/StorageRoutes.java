package dev.tunegate.emulator;

import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.http.ApiRequest;
import dev.tunegate.emulator.storage.GcsDirectory;
import dev.tunegate.emulator.storage.GcsObject;

/**
 * The Cloud Storage JSON API routes of the emulator, over its {@link GcsDirectory}, with the same
 * bearer-token check as the Vertex AI surface:
 * <pre>
 * POST /upload/storage/v1/b/BUCKET/o?uploadType=media&amp;name=OBJECT   media upload   -> Object
 * GET  /storage/v1/b/BUCKET/o/OBJECT                                 metadata       -> Object
 * GET  /storage/v1/b/BUCKET/o/OBJECT?alt=media                       download       -> the bytes
 * GET  /download/storage/v1/b/BUCKET/o/OBJECT?alt=media              download (an Object's mediaLink)
 * </pre>
 * Buckets need no creation; an object that does not exist is 404, a bad name 400.
 */
final class StorageRoutes {
    static final String UPLOAD = "/upload/storage/v1/b/";
    static final String OBJECTS = "/storage/v1/b/";
    static final String DOWNLOAD = "/download/storage/v1/b/";

    /** What to answer: a JSON body, or raw bytes with their content type. */
    record Reply(Object json, byte[] bytes, String contentType) {}

    private final GcsDirectory store;
    private final BearerCheck bearer;

    StorageRoutes(GcsDirectory store, BearerCheck bearer) {
        this.store = store;
        this.bearer = bearer;
    }

    /** Whether {@code path} is a Cloud Storage route. */
    static boolean handles(String path) {
        return path.startsWith(UPLOAD) || path.startsWith(OBJECTS) || path.startsWith(DOWNLOAD);
    }

    /** The stats name of a Cloud Storage request, e.g. {@code storage.objects.insert}. */
    static String statsName(ApiRequest request) {
        if (request.path().startsWith(UPLOAD)) {
            return "storage.objects.insert";
        }
        return "media".equals(request.queryParam("alt")) || request.path().startsWith(DOWNLOAD)
                ? "storage.objects.download"
                : "storage.objects.get";
    }

    /** Answers {@code request}; {@code baseUrl} makes the object's links. */
    Reply handle(ApiRequest request, String baseUrl) {
        String path = request.path();
        if (path.startsWith(UPLOAD)) {
            return upload(request, path.substring(UPLOAD.length()), baseUrl);
        }
        boolean download = path.startsWith(DOWNLOAD);
        String rest = path.substring(download ? DOWNLOAD.length() : OBJECTS.length());
        int slash = rest.indexOf("/o/");
        if (slash <= 0 || slash + 3 >= rest.length()) {
            throw ApiException.notFound("The emulator's Cloud Storage serves objects: GET " + OBJECTS
                    + "BUCKET/o/OBJECT[?alt=media] and POST " + UPLOAD + "BUCKET/o?uploadType=media&name=OBJECT.");
        }
        String bucket = rest.substring(0, slash);
        String object = rest.substring(slash + 3);
        requireGet(request);
        authenticate(request, "storage.objects.get", bucket, object);
        if (download || "media".equals(request.queryParam("alt"))) {
            byte[] bytes = store.read(bucket, object).orElseThrow(() -> noSuchObject(bucket, object));
            String type =
                    store.metadata(bucket, object).map(GcsObject::contentType).orElse("application/octet-stream");
            return new Reply(null, bytes, type);
        }
        String alt = request.queryParam("alt");
        if (alt != null && !alt.equals("json")) {
            throw ApiException.invalidArgument("alt", "alt must be json or media, got '" + alt + "'.");
        }
        return new Reply(
                store.metadata(bucket, object)
                        .orElseThrow(() -> noSuchObject(bucket, object))
                        .resource(baseUrl),
                null,
                null);
    }

    private Reply upload(ApiRequest request, String rest, String baseUrl) {
        if (!request.method().equals("POST")) {
            throw ApiException.notFound("Method " + request.method() + " is not supported on " + request.path()
                    + " (use POST ...?uploadType=media&name=OBJECT).");
        }
        if (!rest.endsWith("/o") || rest.indexOf('/') != rest.length() - 2) {
            throw ApiException.notFound("Uploads go to POST " + UPLOAD + "BUCKET/o?uploadType=media&name=OBJECT.");
        }
        String bucket = rest.substring(0, rest.length() - 2);
        String uploadType = request.queryParam("uploadType");
        if (!"media".equals(uploadType)) {
            throw ApiException.invalidArgument(
                    "uploadType",
                    "uploadType=" + uploadType + " is not supported by the emulator; use uploadType=media (one"
                            + " request with the object's bytes as the body).");
        }
        String object = request.queryParam("name");
        if (object == null || object.isEmpty()) {
            throw ApiException.invalidArgument("name", "The query parameter name (the object name) is required.");
        }
        authenticate(request, "storage.objects.create", bucket, object);
        String contentType = request.header("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            contentType = "application/octet-stream";
        }
        GcsObject stored = store.put(bucket, object, request.body(), contentType.strip());
        return new Reply(stored.resource(baseUrl), null, null);
    }

    private void authenticate(ApiRequest request, String permission, String bucket, String object) {
        bearer.check(
                request,
                "storage.googleapis.com",
                permission,
                "projects/_/buckets/" + bucket + "/objects/" + object,
                "storage." + permission.substring(permission.indexOf('.') + 1));
    }

    private static void requireGet(ApiRequest request) {
        if (!request.method().equals("GET")) {
            throw ApiException.notFound("Method " + request.method() + " is not supported on " + request.path()
                    + " (use GET; uploads are POST " + UPLOAD + "BUCKET/o?uploadType=media&name=OBJECT).");
        }
    }

    private static ApiException noSuchObject(String bucket, String object) {
        return ApiException.notFound("No such object: " + bucket + "/" + object);
    }
}
