package dev.tunegate.emulator.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.client.GeminiJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Raw JSON over loopback HTTP, for asserting the wire format exactly as clients see it. */
final class RawApi {

    static final ObjectMapper JSON = GeminiJson.newMapper();

    /** A status code and the parsed JSON body. */
    record Response(int status, JsonNode json) {
        String errorStatus() {
            return json.path("error").path("status").asText();
        }

        String errorMessage() {
            return json.path("error").path("message").asText();
        }
    }

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RawApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    Response send(String method, String path, Object body, String... headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            text == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String responseBody = response.body();
            JsonNode json = responseBody == null || responseBody.isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(responseBody);
            return new Response(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The 20-example support-intents create body (a fresh copy to modify). */
    static ObjectNode supportIntents() {
        return (ObjectNode) resource("/tuning/support-intents-create.json");
    }

    /** Held-out paraphrases of the support-intents training inputs, with their expected outputs. */
    static List<JsonNode> heldOut() {
        List<JsonNode> list = new ArrayList<>();
        resource("/tuning/support-intents-heldout.json").forEach(list::add);
        return list;
    }

    static JsonNode resource(String name) {
        try (InputStream in = RawApi.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generateContent body asking {@code text} at temperature 0. */
    static ObjectNode ask(String text) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("contents")
                .addObject()
                .put("role", "user")
                .putArray("parts")
                .addObject()
                .put("text", text);
        body.putObject("generationConfig").put("temperature", 0);
        return body;
    }

    /** The text of the first candidate of a generateContent answer. */
    static String text(Response response) {
        StringBuilder sb = new StringBuilder();
        response.json()
                .path("candidates")
                .path(0)
                .path("content")
                .path("parts")
                .forEach(p -> sb.append(p.path("text").asText("")));
        return sb.toString();
    }

    /** Polls an operation until it is done (at most {@code timeout}). */
    Response awaitDone(String operationName, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response op = get("/v1beta/" + operationName);
            if (op.status() != 200 || op.json().path("done").asBoolean(false) || System.nanoTime() > deadline) {
                return op;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
