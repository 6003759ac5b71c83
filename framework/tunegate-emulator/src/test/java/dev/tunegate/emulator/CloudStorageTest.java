package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's Cloud Storage JSON API over {@code --gcs-dir}: a media upload becomes the file
 * BUCKET/OBJECT, its metadata and bytes come back, a file put there by hand is an object, the bearer
 * token is checked like on the Vertex AI surface, and names that would leave the bucket are a 400.
 */
class CloudStorageTest {
    private static final String TOKEN = "ya29.storage-test-token";
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path gcs;

    static GeminiEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = EmulatorMain.configure(
                        new String[] {
                            "--port", "0", "--in-memory", "--require-bearer", TOKEN, "--gcs-dir", gcs.toString()
                        },
                        System.out)
                .start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aMediaUploadIsAFileUnderTheGcsDirectoryWithItsMetadataAndBytes() throws Exception {
        String jsonl = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}\n";
        HttpResponse<String> upload = send(
                "POST",
                "/upload/storage/v1/b/tunegate-staging/o?uploadType=media&name=suites%2Ftrain%201.jsonl",
                jsonl,
                "application/jsonl",
                TOKEN);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        JsonNode object = Http.json(upload.body());
        byte[] md5 = MessageDigest.getInstance("MD5").digest(jsonl.getBytes(StandardCharsets.UTF_8));
        assertThat(object.path("kind").asText()).isEqualTo("storage#object");
        assertThat(object.path("bucket").asText()).isEqualTo("tunegate-staging");
        assertThat(object.path("name").asText()).isEqualTo("suites/train 1.jsonl");
        assertThat(object.path("size").asText()).isEqualTo(Integer.toString(jsonl.length()));
        assertThat(object.path("contentType").asText()).isEqualTo("application/jsonl");
        assertThat(object.path("md5Hash").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(md5));
        assertThat(object.path("generation").asText()).matches("\\d+");
        assertThat(Files.readString(gcs.resolve("tunegate-staging/suites/train 1.jsonl")))
                .isEqualTo(jsonl);

        HttpResponse<String> metadata =
                send("GET", "/storage/v1/b/tunegate-staging/o/suites%2Ftrain%201.jsonl", null, null, TOKEN);
        assertThat(metadata.statusCode()).as(metadata.body()).isEqualTo(200);
        assertThat(Http.json(metadata.body()).path("md5Hash")).isEqualTo(object.path("md5Hash"));
        assertThat(Http.json(metadata.body()).path("generation")).isEqualTo(object.path("generation"));

        HttpResponse<String> download =
                send("GET", "/storage/v1/b/tunegate-staging/o/suites%2Ftrain%201.jsonl?alt=media", null, null, TOKEN);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(jsonl);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/jsonl");

        String mediaLink = object.path("mediaLink").asText();
        HttpResponse<String> viaLink =
                send("GET", mediaLink.substring(emulator.baseUrl().length()), null, null, TOKEN);
        assertThat(viaLink.body()).isEqualTo(jsonl);
    }

    @Test
    void aFilePutIntoTheDirectoryByHandIsAnObject() throws Exception {
        Files.createDirectories(gcs.resolve("by-hand/out"));
        Files.writeString(gcs.resolve("by-hand/out/predictions.jsonl"), "{\"x\":1}\n");
        HttpResponse<String> download =
                send("GET", "/storage/v1/b/by-hand/o/out%2Fpredictions.jsonl?alt=media", null, null, TOKEN);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("{\"x\":1}\n");
        HttpResponse<String> metadata =
                send("GET", "/storage/v1/b/by-hand/o/out%2Fpredictions.jsonl", null, null, TOKEN);
        assertThat(Http.json(metadata.body()).path("contentType").asText()).isEqualTo("application/octet-stream");
        assertThat(Http.json(metadata.body()).path("size").asText()).isEqualTo("8");
    }

    @Test
    void aMissingObjectIs404() throws Exception {
        HttpResponse<String> r = send("GET", "/storage/v1/b/tunegate-staging/o/nothing.jsonl", null, null, TOKEN);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Http.json(r.body()).at("/error/message").asText()).contains("tunegate-staging/nothing.jsonl");
    }

    @Test
    void theBearerTokenIsCheckedLikeOnTheVertexSurfaceAndNeverEchoed() throws Exception {
        String path = "/upload/storage/v1/b/tunegate-staging/o?uploadType=media&name=x.jsonl";
        HttpResponse<String> none = send("POST", path, "{}", "application/json", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(Http.json(none.body()).at("/error/status").asText()).isEqualTo("UNAUTHENTICATED");
        HttpResponse<String> wrong = send("POST", path, "{}", "application/json", "ya29.wrong-secret");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("storage.objects.create").doesNotContain("wrong-secret");
        assertThat(gcs.resolve("tunegate-staging/x.jsonl")).doesNotExist();
    }

    @Test
    void namesThatLeaveTheBucketAndBrokenUploadsAre400NamingTheField() throws Exception {
        Files.writeString(gcs.resolve("secret.txt"), "outside every bucket");
        for (String name :
                new String[] {"..%2Fsecret.txt", "a%2F..%2F..%2Fsecret.txt", "%2Fetc%2Fpasswd", "a%5C..%5Cb", "."}) {
            HttpResponse<String> up = send(
                    "POST",
                    "/upload/storage/v1/b/tunegate-staging/o?uploadType=media&name=" + name,
                    "x",
                    "text/plain",
                    TOKEN);
            assertThat(up.statusCode()).as(name + ": " + up.body()).isEqualTo(400);
            assertThat(Http.json(up.body())
                            .at("/error/details/0/fieldViolations/0/field")
                            .asText())
                    .isEqualTo("name");
        }
        HttpResponse<String> get =
                send("GET", "/storage/v1/b/tunegate-staging/o/..%2F..%2Fsecret.txt?alt=media", null, null, TOKEN);
        assertThat(get.statusCode()).as(get.body()).isEqualTo(400);
        assertThat(get.body()).doesNotContain("outside every bucket");
        assertThat(send("POST", "/upload/storage/v1/b/Bad_Bucket/o?uploadType=media&name=x", "x", "text/plain", TOKEN)
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> resumable = send(
                "POST",
                "/upload/storage/v1/b/tunegate-staging/o?uploadType=resumable&name=x",
                "x",
                "text/plain",
                TOKEN);
        assertThat(resumable.statusCode()).isEqualTo(400);
        assertThat(resumable.body()).contains("uploadType");
        HttpResponse<String> noName =
                send("POST", "/upload/storage/v1/b/tunegate-staging/o?uploadType=media", "x", "text/plain", TOKEN);
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(Http.json(noName.body())
                        .at("/error/details/0/fieldViolations/0/field")
                        .asText())
                .isEqualTo("name");
    }

    private static HttpResponse<String> send(String method, String path, String body, String type, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
