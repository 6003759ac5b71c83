package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tunegate.client.model.StorageObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cloud Storage media upload and download: one call each, the Vertex AI bearer token, names percent-encoded. */
class CloudStorageClientTest extends MockGemini {
    private static final String OBJECT_JSON = "{\"kind\":\"storage#object\",\"bucket\":\"my-bucket\","
            + "\"name\":\"tunegate/train data+1.jsonl\",\"size\":\"12\",\"contentType\":\"application/jsonl\","
            + "\"md5Hash\":\"abc==\",\"generation\":\"1733220000000000\",\"timeCreated\":\"2026-12-03T10:00:00.5Z\"}";

    @TempDir
    Path dir;

    private GeminiClient.Builder vertex() {
        return vertexBuilder();
    }

    @Test
    void aFileIsUploadedInOneMediaPostWithTheBearerTokenAndAnEncodedName() throws Exception {
        GeminiClient c = track(vertex().build());
        Path file = Files.writeString(dir.resolve("train.jsonl"), "{\"a\":1}\n{}\n\n");
        server.enqueue(ok(OBJECT_JSON));
        StorageObject o =
                c.cloudStorage().upload("my-bucket", "tunegate/train data+1.jsonl", file, "application/jsonl");
        assertThat(o.size()).isEqualTo(12L);
        assertThat(o.generation()).isEqualTo("1733220000000000");
        assertThat(o.gsUri()).isEqualTo("gs://my-bucket/tunegate/train data+1.jsonl");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget())
                .isEqualTo("/upload/storage/v1/b/my-bucket/o?uploadType=media&name=tunegate%2Ftrain%20data%2B1.jsonl");
        assertThat(r.getHeaders().get("Authorization")).startsWith("Bearer ya29.");
        assertThat(r.getHeaders().get("x-goog-api-key")).isNull();
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/jsonl");
        assertThat(body(r)).isEqualTo("{\"a\":1}\n{}\n\n");
    }

    @Test
    void aDownloadReadsTheMediaWithTheSlashOfTheNameEncodedInThePath() {
        GeminiClient c = track(vertex().build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/octet-stream")
                .body("line 1\nline 2\n")
                .build());
        byte[] content = c.cloudStorage().download("gs://out-bucket/batch/out put.jsonl");
        assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("line 1\nline 2\n");
        RecordedRequest r = take();
        assertThat(r.getRequestLine())
                .isEqualTo("GET /storage/v1/b/out-bucket/o/batch%2Fout%20put.jsonl?alt=media HTTP/1.1");
        assertThat(r.getHeaders().get("Authorization")).startsWith("Bearer ya29.");
    }

    @Test
    void theStorageBaseUrlFollowsTheVertexOneUnlessSetAndIsGooglesOtherwise() {
        assertThat(track(vertex().build()).cloudStorage().baseUrl()).isEqualTo(baseUrl());
        assertThat(track(vertex().storageBaseUrl("http://127.0.0.1:9").build())
                        .cloudStorage()
                        .baseUrl())
                .isEqualTo("http://127.0.0.1:9");
        assertThat(track(builder().build()).cloudStorage().baseUrl()).isEqualTo("https://storage.googleapis.com");
    }

    @Test
    void badBucketAndObjectNamesAreRefusedBeforeAnyRequest() {
        GeminiClient c = track(vertex().build());
        assertThatThrownBy(() -> c.cloudStorage().upload("My_Bucket", "x", new byte[0], null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bucket");
        assertThatThrownBy(() -> c.cloudStorage().upload("b-1", "..", new byte[0], null))
                .hasMessageContaining("object name");
        assertThatThrownBy(() -> c.cloudStorage().download("b-1", "a\nb")).hasMessageContaining("object name");
        assertThatThrownBy(() -> c.cloudStorage().download("s3://b-1/x")).hasMessageContaining("gs://BUCKET/OBJECT");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aRefusedUploadFailsWithTheHttpStatusFirst() {
        GeminiClient c = track(vertex().build());
        server.enqueue(error(403, "PERMISSION_DENIED", "caller does not have storage.objects.create access"));
        GeminiApiException e = (GeminiApiException)
                catchThrowable(() -> c.cloudStorage().upload("b-1", "x.jsonl", new byte[] {1}, null));
        assertThat(e.getMessage())
                .startsWith("HTTP 403 PERMISSION_DENIED: caller does not have storage.objects.create access")
                .contains("/upload/storage/v1/b/b-1/o");
    }
}
