package dev.tunegate.client;

import dev.tunegate.client.model.StorageObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.apiguardian.api.API;

/**
 * Cloud Storage through its JSON API, with the client's Vertex AI credentials ({@code Authorization: Bearer}), limits
 * and retries: a media upload ({@code POST /upload/storage/v1/b/BUCKET/o?uploadType=media&name=OBJECT}, one call)
 * for training and batch input files, and a download ({@code GET /storage/v1/b/BUCKET/o/OBJECT?alt=media}) for batch
 * output. Reached through {@link GeminiClient#cloudStorage()}.
 *
 * <p>Calls go to {@value #DEFAULT_BASE_URL}, or to {@link GeminiClient.Builder#storageBaseUrl}; when only a Vertex AI
 * base URL is configured (an emulator), to that one, since the emulator serves both APIs. Object names are sent
 * percent-encoded ({@code /} as {@code %2F} in a path).
 *
 * <pre>{@code
 * StorageObject o = client.cloudStorage().upload("my-bucket", "tunegate/train.jsonl", Path.of("train.jsonl"), null);
 * String uri = o.gsUri();   // gs://my-bucket/tunegate/train.jsonl
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL)
public final class CloudStorage {
    /** Google's Cloud Storage endpoint. */
    public static final String DEFAULT_BASE_URL = "https://storage.googleapis.com";

    private static final String BUCKET = "[a-z0-9][a-z0-9_.-]{1,220}[a-z0-9]";
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final int MAX_OBJECT_NAME_BYTES = 1024;

    private final VertexRest rest;
    private final HttpUrl baseUrl;

    CloudStorage(VertexRest rest, HttpUrl baseUrl) {
        this.rest = rest;
        this.baseUrl = baseUrl;
    }

    /** Scheme, host and port the calls go to. */
    public String baseUrl() {
        String s = baseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Uploads {@code content} as {@code gs://bucket/object} (replacing it if it exists) and returns the object's
     * metadata. {@code contentType} null means {@code application/octet-stream}.
     */
    public StorageObject upload(String bucket, String object, byte[] content, String contentType) {
        Objects.requireNonNull(content, "content");
        HttpUrl url = baseUrl.newBuilder()
                .query(null)
                .addPathSegments("upload/storage/v1/b")
                .addPathSegment(bucket(bucket))
                .addPathSegment("o")
                .addQueryParameter("uploadType", "media")
                .addQueryParameter("name", object(object))
                .build();
        MediaType type = contentType == null ? OCTET_STREAM : MediaType.parse(contentType);
        if (type == null) {
            throw new IllegalArgumentException("not a media type: " + contentType);
        }
        return rest.send(
                "POST", url, content, type, (response, start) -> rest.read(response.body(), StorageObject.class));
    }

    /** Uploads a local file; see {@link #upload(String, String, byte[], String)}. */
    public StorageObject upload(String bucket, String object, Path file, String contentType) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return upload(bucket, object, content, contentType);
    }

    /** The content of {@code gs://bucket/object}. */
    public byte[] download(String bucket, String object) {
        HttpUrl url = baseUrl.newBuilder()
                .query(null)
                .addPathSegments("storage/v1/b")
                .addPathSegment(bucket(bucket))
                .addPathSegment("o")
                .addPathSegment(object(object))
                .addQueryParameter("alt", "media")
                .build();
        return rest.send("GET", url, null, OCTET_STREAM, (response, start) -> {
            ResponseBody body = response.body();
            return body == null ? new byte[0] : body.bytes();
        });
    }

    /** The content of a {@code gs://BUCKET/OBJECT} URI. */
    public byte[] download(String gsUri) {
        String[] parts = split(gsUri);
        return download(parts[0], parts[1]);
    }

    /** {@code gs://bucket/object}, both checked. */
    public static String gsUri(String bucket, String object) {
        return "gs://" + bucket(bucket) + "/" + object(object);
    }

    /** The bucket and object of {@code gs://BUCKET/OBJECT}. */
    static String[] split(String gsUri) {
        String u = Objects.requireNonNull(gsUri, "gsUri").strip();
        int slash = u.indexOf('/', "gs://".length());
        if (!u.startsWith("gs://") || slash < 0) {
            throw new IllegalArgumentException("not a Cloud Storage URI gs://BUCKET/OBJECT: " + u);
        }
        return new String[] {bucket(u.substring("gs://".length(), slash)), object(u.substring(slash + 1))};
    }

    private static String bucket(String bucket) {
        if (bucket == null || !bucket.matches(BUCKET)) {
            throw new IllegalArgumentException("not a Cloud Storage bucket name (lower-case letters, digits, '-', '_'"
                    + " and '.', starting and ending with a letter or digit): " + bucket);
        }
        return bucket;
    }

    private static String object(String object) {
        if (object == null
                || object.isEmpty()
                || object.equals(".")
                || object.equals("..")
                || object.indexOf('\r') >= 0
                || object.indexOf('\n') >= 0
                || object.getBytes(StandardCharsets.UTF_8).length > MAX_OBJECT_NAME_BYTES) {
            throw new IllegalArgumentException("not a Cloud Storage object name (1 to 1024 bytes of UTF-8, no CR or"
                    + " LF, not '.' or '..'): " + object);
        }
        return object;
    }

    @Override
    public String toString() {
        return "CloudStorage[" + baseUrl() + "]";
    }
}
