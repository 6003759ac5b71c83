package dev.tunegate.emulator.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.emulator.http.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.apiguardian.api.API;

/**
 * The emulator's Cloud Storage: object {@code gs://BUCKET/OBJECT} is the file {@code BUCKET/OBJECT}
 * under one directory (so a test can put a file there by hand, and see what was uploaded), with its
 * content type and generation kept beside it in {@code .tunegate-metadata/BUCKET/OBJECT.json} (a
 * directory no bucket can be named). Bucket names follow Cloud Storage's rules; object names that
 * would leave the bucket ({@code ..} or {@code .} segments, a leading {@code /}, backslashes, control
 * characters) are a 400 naming the field. Writes go to a temporary file moved into place, so a reader
 * never sees half an object.
 */
@API(status = API.Status.INTERNAL)
public final class GcsDirectory {

    /** Where the content type and generation of each object are kept, beside the buckets. */
    static final String METADATA_DIR = ".tunegate-metadata";

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]");
    private static final Pattern GS_URI = Pattern.compile("gs://([^/]+)/(.+)");
    private static final int MAX_OBJECT_NAME_BYTES = 1024;

    private final Path root;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Object lock = new Object();

    private GcsDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The store rooted at {@code root} (created when missing). */
    public static GcsDirectory at(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Cloud Storage directory " + root + ": " + e, e);
        }
        return new GcsDirectory(root);
    }

    /** The directory the buckets live in. */
    public Path root() {
        return root;
    }

    /**
     * Stores {@code bytes} as {@code gs://bucket/object}, replacing an existing object with a new
     * generation.
     *
     * @throws ApiException 400 for an invalid bucket or object name
     */
    public GcsObject put(String bucket, String object, byte[] bytes, String contentType) {
        Path file = file(bucket, object);
        synchronized (lock) {
            try {
                Files.createDirectories(file.getParent());
                if (Files.isDirectory(file)) {
                    throw ApiException.invalidArgument(
                            "name", "Object name '" + object + "' is a prefix of other objects in this emulator.");
                }
                AtomicFiles.write(file, temp -> Files.write(temp, bytes));
                long generation = nextGeneration(bucket, object);
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("contentType", contentType);
                meta.put("generation", generation);
                Path metaFile = metadataFile(bucket, object);
                Files.createDirectories(metaFile.getParent());
                AtomicFiles.write(metaFile, temp -> Files.write(temp, mapper.writeValueAsBytes(meta)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file + ": " + e, e);
            }
        }
        return metadata(bucket, object).orElseThrow();
    }

    /** The object's metadata, or empty when there is no such object. */
    public Optional<GcsObject> metadata(String bucket, String object) {
        Path file = file(bucket, object);
        synchronized (lock) {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                String contentType = "application/octet-stream";
                long generation = Files.getLastModifiedTime(file).toMillis() * 1000;
                Path metaFile = metadataFile(bucket, object);
                if (Files.isRegularFile(metaFile)) {
                    Map<?, ?> meta = mapper.readValue(metaFile.toFile(), Map.class);
                    if (meta.get("contentType") instanceof String type) {
                        contentType = type;
                    }
                    if (meta.get("generation") instanceof Number g) {
                        generation = g.longValue();
                    }
                }
                Instant updated = Files.getLastModifiedTime(file).toInstant();
                return Optional.of(new GcsObject(
                        bucket, object, bytes.length, contentType, generation, md5(bytes), crc32c(bytes), updated));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e, e);
            }
        }
    }

    /** The bytes of {@code gs://bucket/object}, or empty when there is no such object. */
    public Optional<byte[]> read(String bucket, String object) {
        Path file = file(bucket, object);
        synchronized (lock) {
            try {
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e, e);
            }
        }
    }

    /**
     * The bytes of a {@code gs://BUCKET/OBJECT} URI.
     *
     * @param field the request field that holds the URI, named in errors
     * @throws ApiException 400 naming {@code field} when the URI is malformed or no such object exists
     */
    public byte[] readUri(String uri, String field) {
        var m = GS_URI.matcher(uri == null ? "" : uri);
        if (!m.matches()) {
            throw ApiException.invalidArgument(
                    field, field + " must be a Cloud Storage URI gs://BUCKET/OBJECT, got '" + uri + "'.");
        }
        byte[] bytes;
        try {
            bytes = read(m.group(1), m.group(2)).orElse(null);
        } catch (ApiException e) {
            throw ApiException.invalidArgument(field, field + ": " + e.getMessage());
        }
        if (bytes == null) {
            throw ApiException.invalidArgument(
                    field,
                    field + ": " + uri + " does not exist (the emulator reads gs://BUCKET/OBJECT from the file"
                            + " BUCKET/OBJECT under its Cloud Storage directory; upload it first).");
        }
        return bytes;
    }

    /** The file of {@code gs://bucket/object}, checked to stay inside the bucket. */
    Path file(String bucket, String object) {
        checkBucket(bucket);
        checkObject(object);
        Path bucketDir = root.resolve(bucket);
        Path file = bucketDir.resolve(object).normalize();
        if (!file.startsWith(bucketDir) || file.equals(bucketDir)) {
            throw ApiException.invalidArgument("name", "Object name '" + object + "' leaves its bucket.");
        }
        return file;
    }

    private Path metadataFile(String bucket, String object) {
        return root.resolve(METADATA_DIR).resolve(bucket).resolve(object + ".json");
    }

    private long nextGeneration(String bucket, String object) throws IOException {
        long now = Instant.now().toEpochMilli() * 1000;
        Path metaFile = metadataFile(bucket, object);
        if (Files.isRegularFile(metaFile)) {
            Map<?, ?> meta = mapper.readValue(metaFile.toFile(), Map.class);
            if (meta.get("generation") instanceof Number g && g.longValue() >= now) {
                return g.longValue() + 1;
            }
        }
        return now;
    }

    static void checkBucket(String bucket) {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw ApiException.invalidArgument(
                    "bucket",
                    "Invalid bucket name: '" + bucket + "' (3-63 lower-case letters, digits, '-', '_' and '.',"
                            + " starting and ending with a letter or digit).");
        }
    }

    static void checkObject(String object) {
        if (object == null || object.isEmpty()) {
            throw ApiException.invalidArgument("name", "An object name is required.");
        }
        if (object.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_OBJECT_NAME_BYTES) {
            throw ApiException.invalidArgument("name", "Object names are at most 1024 bytes.");
        }
        boolean control = object.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (control || object.contains("\\") || object.startsWith("/")) {
            throw ApiException.invalidArgument(
                    "name",
                    "Invalid object name '" + object.replaceAll("\\p{Cntrl}", "?")
                            + "': no control characters, backslashes or leading '/'.");
        }
        for (String segment : object.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                throw ApiException.invalidArgument(
                        "name",
                        "Invalid object name '" + object + "': the emulator keeps objects as files, so '.', '..'"
                                + " and empty path segments are not allowed.");
            }
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        long v = crc.getValue();
        byte[] big = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        return Base64.getEncoder().encodeToString(big);
    }
}
