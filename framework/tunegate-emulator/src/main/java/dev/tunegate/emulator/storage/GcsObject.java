package dev.tunegate.emulator.storage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One stored object's metadata, as the Cloud Storage JSON API's {@code storage#object} resource.
 *
 * @param bucket      the bucket
 * @param name        the object name
 * @param size        its length in bytes
 * @param contentType the content type given at upload
 * @param generation  its generation (microseconds of its upload, increasing per replacement)
 * @param md5Hash     base64 MD5 of the content
 * @param crc32c      base64 big-endian CRC32C of the content
 * @param updated     when it was written
 */
@API(status = API.Status.INTERNAL)
public record GcsObject(
        String bucket,
        String name,
        long size,
        String contentType,
        long generation,
        String md5Hash,
        String crc32c,
        Instant updated) {

    /** The JSON resource; {@code baseUrl} (scheme, host, port) makes the self and media links. */
    public Map<String, Object> resource(String baseUrl) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "storage#object");
        body.put("id", bucket + "/" + name + "/" + generation);
        body.put("selfLink", baseUrl + "/storage/v1/b/" + bucket + "/o/" + encoded);
        body.put(
                "mediaLink",
                baseUrl + "/download/storage/v1/b/" + bucket + "/o/" + encoded + "?generation=" + generation
                        + "&alt=media");
        body.put("name", name);
        body.put("bucket", bucket);
        // int64 fields are strings in the JSON API
        body.put("generation", Long.toString(generation));
        body.put("metageneration", "1");
        body.put("contentType", contentType);
        body.put("storageClass", "STANDARD");
        body.put("size", Long.toString(size));
        body.put("md5Hash", md5Hash);
        body.put("crc32c", crc32c);
        body.put("etag", "C" + Long.toHexString(generation).toUpperCase(java.util.Locale.ROOT) + "EAE=");
        body.put("timeCreated", updated.toString());
        body.put("updated", updated.toString());
        body.put("timeStorageClassUpdated", updated.toString());
        return body;
    }
}
