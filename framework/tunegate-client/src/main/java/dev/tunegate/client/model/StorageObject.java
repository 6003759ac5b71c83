package dev.tunegate.client.model;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A Cloud Storage object's metadata (JSON API {@code storage#object}), as a media upload returns it. uint64 fields
 * ({@code size}, {@code generation}) are strings on the wire.
 *
 * @param bucket      the bucket
 * @param name        the object name, e.g. {@code tunegate/train-3f2a.jsonl}
 * @param size        its length in bytes
 * @param contentType its media type
 * @param md5Hash     base64 MD5 of the content
 * @param crc32c      base64 CRC32C of the content
 * @param generation  the object's generation
 * @param timeCreated when this generation was created
 * @param updated     when the metadata last changed
 */
@API(status = API.Status.EXPERIMENTAL)
public record StorageObject(
        String bucket,
        String name,
        Long size,
        String contentType,
        String md5Hash,
        String crc32c,
        String generation,
        Instant timeCreated,
        Instant updated) {

    /** {@code gs://BUCKET/NAME}: how Vertex AI requests name it. */
    public String gsUri() {
        return "gs://" + bucket + "/" + name;
    }
}
