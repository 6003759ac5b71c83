package dev.tunegate.cli.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile requests for the emulator, generated from a seed: valid bodies with one value swapped for a
 * hostile one (wrong type, huge, deep, out of range), byte-level corruption (cuts, invalid UTF-8),
 * hostile paths and methods, and raw HTTP that no client library would send.
 */
final class HostileRequests {
    static final String GENERATE = "/v1beta/models/gemini-2.0-flash:generateContent";

    /** One request: method, path (with query) and body (empty for none). */
    record Request(String method, String path, byte[] body) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] SEEDS = {
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Summarise the refund policy\"}]}],"
                + "\"systemInstruction\":{\"parts\":[{\"text\":\"Be brief.\"}]},\"generationConfig\":{\"temperature\":0.4,"
                + "\"topP\":0.9,\"topK\":20,\"candidateCount\":1,\"maxOutputTokens\":40,\"stopSequences\":[\"END\"],"
                + "\"responseMimeType\":\"application/json\",\"responseSchema\":{\"type\":\"OBJECT\",\"properties\":"
                + "{\"intent\":{\"type\":\"STRING\",\"enum\":[\"refund\",\"other\"]}},\"required\":[\"intent\"]}},"
                + "\"safetySettings\":[{\"category\":\"HARM_CATEGORY_HATE_SPEECH\",\"threshold\":\"BLOCK_LOW_AND_ABOVE\"}]}",
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Book a table\"}]},{\"role\":\"model\",\"parts\":"
                + "[{\"functionCall\":{\"name\":\"book\",\"args\":{\"people\":2}}}]},{\"role\":\"user\",\"parts\":"
                + "[{\"functionResponse\":{\"name\":\"book\",\"response\":{\"ok\":true}}}]}],\"tools\":[{\"functionDeclarations\":"
                + "[{\"name\":\"book\",\"parameters\":{\"type\":\"OBJECT\",\"properties\":{\"people\":{\"type\":\"INTEGER\"}}}}]}],"
                + "\"toolConfig\":{\"functionCallingConfig\":{\"mode\":\"AUTO\"}}}",
        "{\"generateContentRequest\":{\"model\":\"models/gemini-2.0-flash\",\"contents\":[{\"parts\":[{\"text\":\"count\"},"
                + "{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}}]}]}}",
        "{\"displayName\":\"fuzz\",\"baseModel\":\"models/gemini-1.5-flash-001-tuning\",\"tuningTask\":{\"hyperparameters\":"
                + "{\"epochCount\":1,\"batchSize\":2,\"learningRate\":0.001},\"trainingData\":{\"examples\":{\"examples\":"
                + "[{\"textInput\":\"hi\",\"output\":\"hello\"},{\"textInput\":\"bye\",\"output\":\"goodbye\"}]}}}}"
    };
    private static final String[] SEED_PATHS = {
        GENERATE,
        "/v1beta/models/gemini-1.5-flash:streamGenerateContent?alt=sse",
        "/v1beta/models/gemini-2.0-flash:countTokens",
        "/v1beta/tunedModels"
    };
    private static final String[] NAMES = {
        "gemini-2.0-flash",
        "..%2F..%2F..%2Fetc%2Fpasswd",
        "%00",
        "%FF%FE",
        "gemini-2.0-flash%0D%0AX-Injected:%201",
        "",
        ":",
        "gemini-2.0-flash:generateContent:generateContent",
        "%E2%80%AE",
        "a".repeat(20_000),
        "tunedModels/..",
        "models",
    };
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"};

    private final Random random;

    HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    /** A seed body with one value swapped for a hostile one, sometimes also corrupted byte-wise. */
    Request mutatedBody() {
        int roll = random.nextInt(100); // few tuning jobs: each valid create starts one
        int seed = roll < 45 ? 0 : roll < 75 ? 1 : roll < 95 ? 2 : 3;
        JsonNode tree = read(SEEDS[seed]);
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(tree, containers);
        ContainerNode<?> target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(6)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name + "\u0000" + random.nextInt(9), hostileValue());
                default -> object.set(name, hostileValue());
            }
        } else if (target instanceof ArrayNode array) {
            if (!array.isEmpty() && random.nextBoolean()) {
                array.set(random.nextInt(array.size()), hostileValue());
            } else {
                array.add(hostileValue());
            }
        }
        byte[] body = tree.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0) {
            body = corrupt(body);
        }
        return new Request("POST", SEED_PATHS[seed], body);
    }

    /** A hostile path or method on a real endpoint, with a small valid body. */
    Request hostilePath() {
        String name = NAMES[random.nextInt(NAMES.length)];
        String path = switch (random.nextInt(8)) {
            case 0 -> "/v1beta/models/" + name + ":generateContent";
            case 1 -> "/v1beta/models/" + name;
            case 2 -> "/v1beta/tunedModels/" + name + ":generateContent";
            case 3 -> "/v1beta/tunedModels/" + name + "?updateMask=" + name;
            case 4 -> "/v1beta/models?pageSize=" + hostileNumber() + "&pageToken=" + name;
            case 5 -> "/v1beta/tunedModels?pageSize=" + hostileNumber() + "&filter=%22" + name;
            case 6 -> "/v1beta/tunedModels/" + name + "/operations/" + name;
            default -> "/" + name + "/v1beta//models/gemini-2.0-flash:generateContent?alt=" + name;
        };
        String method = METHODS[random.nextInt(METHODS.length)];
        byte[] body = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                ? new byte[0]
                : SEEDS[0].getBytes(StandardCharsets.UTF_8);
        return new Request(method, path, body);
    }

    /** Bodies far outside what a client sends: deep, wide, huge, wrongly encoded. */
    static List<Request> extremes() {
        List<Request> list = new ArrayList<>();
        String parts = "{\"text\":\"x\"},".repeat(100_000);
        String[] bodies = {
            "",
            "null",
            "[]",
            "\"contents\"",
            "[".repeat(100_000),
            "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
            "{\"contents\":[{\"parts\":[" + parts + "{\"text\":\"end\"}]}]}",
            "{\"contents\":[{\"parts\":[{\"text\":\"" + "word ".repeat(1_000_000) + "\"}]}]}",
            "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{\"temperature\":1e309}}",
            "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{\"candidateCount\":2147483647}}",
            "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{\"maxOutputTokens\":2147483647}}",
            "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{\"topK\":-9223372036854775808}}",
            "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{\"stopSequences\":["
                    + "\"s\",".repeat(100_000) + "\"t\"]}}",
            "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{\"responseMimeType\":\"application/json\","
                    + "\"responseSchema\":" + "{\"type\":\"ARRAY\",\"items\":".repeat(3_000) + "{\"type\":\"STRING\"}"
                    + "}".repeat(3_000) + "}}",
            "{\"contents\":[{\"parts\":[{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\""
                    + "A".repeat(20_000_000) + "\"}}]}]}",
            "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]," + "\"k\":1,".repeat(200_000) + "\"z\":2}",
        };
        for (String body : bodies) {
            list.add(new Request("POST", GENERATE, body.getBytes(StandardCharsets.UTF_8)));
        }
        list.add(new Request("POST", GENERATE, invalidUtf8()));
        list.add(new Request(
                "POST",
                GENERATE,
                "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}".getBytes(StandardCharsets.UTF_16)));
        list.add(new Request("POST", GENERATE, fiftyMegabytes()));
        list.add(new Request(
                "POST",
                "/v1beta/tunedModels",
                ("{\"baseModel\":\"models/gemini-1.5-flash-001-tuning\",\"tuningTask\":{\"hyperparameters\":"
                                + "{\"epochCount\":1000000000,\"batchSize\":0},\"trainingData\":{\"examples\":{\"examples\":["
                                + "{\"textInput\":\"a\",\"output\":\"b\"},".repeat(200_000)
                                + "{\"textInput\":\"a\",\"output\":\"b\"}]}}}}")
                        .getBytes(StandardCharsets.UTF_8)));
        return list;
    }

    /** Raw HTTP/1.1 that breaks the protocol itself: request lines, headers, lengths, chunking. */
    List<byte[]> rawRequests(int count) {
        String post = "POST " + GENERATE + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
        String[] templates = {
            "GET\r\n\r\n",
            "GET /emulator/health HTTP/1.1 extra words\r\nHost: x\r\n\r\n",
            "GET /emulator/health HTTP/7.0\r\nHost: x\r\n\r\n",
            "GET /\r\n\r\n",
            "\r\n\r\n\r\n",
            "BREW /v1beta/models HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /emulator/health HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
            "GET /v1beta/models/%ZZ:generateContent HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /v1beta/models/" + "a".repeat(200_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /emulator/health HTTP/1.1\r\nHost: x\r\nX-Long: " + "b".repeat(100_000) + "\r\n\r\n",
            "GET /emulator/health HTTP/1.1\r\nHost: x\r\n" + "X-H: 1\r\n".repeat(5_000) + "\r\n",
            post + "Content-Length: -5\r\n\r\n{}",
            post + "Content-Length: abc\r\n\r\n{}",
            post + "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}",
            post + "Content-Length: 99999999999999999999\r\n\r\n{}",
            post + "Content-Length: 400\r\n\r\n{\"contents\":",
            post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
            post + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n{}\r\n",
            post + "Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
            post + "Content-Encoding: gzip\r\nContent-Length: 10\r\n\r\n0123456789",
            post + "Expect: 100-continue\r\nContent-Length: 10\r\n\r\n",
        };
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i < templates.length) {
                list.add(templates[i].getBytes(StandardCharsets.ISO_8859_1));
            } else if (random.nextBoolean()) {
                byte[] garbage = new byte[1 + random.nextInt(4000)];
                random.nextBytes(garbage);
                list.add(garbage);
            } else {
                byte[] template = templates[random.nextInt(templates.length)].getBytes(StandardCharsets.ISO_8859_1);
                list.add(corrupt(template));
            }
        }
        return list;
    }

    private JsonNode hostileValue() {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(-1);
            case 3 -> NODES.numberNode(1e308);
            case 4 -> NODES.numberNode(new BigInteger("9223372036854775808000"));
            case 5 -> NODES.numberNode(Integer.MAX_VALUE);
            case 6 -> NODES.textNode("");
            case 7 -> NODES.textNode("x".repeat(random.nextInt(200_000)));
            case 8 -> NODES.textNode("\u0000\uD800\uFFFF\u202E");
            case 9 -> NODES.arrayNode();
            case 10 -> NODES.objectNode();
            case 11 -> deep(1 + random.nextInt(900)); // Jackson writes at most 1000 levels; extremes() go deeper
            case 12 -> {
                ArrayNode wide = NODES.arrayNode();
                for (int i = random.nextInt(20_000); i > 0; i--) {
                    wide.addNull();
                }
                yield wide;
            }
            case 13 -> NODES.textNode("NaN");
            case 14 -> NODES.textNode("HARM_CATEGORY_UNSPECIFIED");
            default -> NODES.numberNode(random.nextDouble() * 4 - 2);
        };
    }

    private String hostileNumber() {
        String[] numbers = {"-1", "0", "1e9", "99999999999999999999", "abc", "", "%00", "1.5"};
        return numbers[random.nextInt(numbers.length)];
    }

    private static JsonNode deep(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            ArrayNode a = NODES.arrayNode();
            a.add(node);
            node = a;
        }
        return node;
    }

    private byte[] corrupt(byte[] body) {
        byte[] copy = body.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                return java.util.Arrays.copyOf(copy, random.nextInt(copy.length + 1));
            }
            case 1 -> {
                for (int i = 0; i < 1 + random.nextInt(8) && copy.length > 0; i++) {
                    copy[random.nextInt(copy.length)] = (byte) (0x80 + random.nextInt(0x80));
                }
                return copy;
            }
            case 2 -> {
                if (copy.length > 0) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(0x20);
                }
                return copy;
            }
            default -> {
                byte[] twice = java.util.Arrays.copyOf(copy, copy.length * 2);
                System.arraycopy(copy, 0, twice, copy.length, copy.length);
                return twice;
            }
        }
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> into) {
        if (node instanceof ContainerNode<?> container) {
            into.add(container);
            node.forEach(child -> collect(child, into));
        }
    }

    private static JsonNode read(String json) {
        try {
            return EmulatorProcess.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] invalidUtf8() {
        byte[] head = "{\"contents\":[{\"parts\":[{\"text\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {
            (byte) 0xC3, (byte) 0x28, (byte) 0xE2, (byte) 0x82, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80
        };
        byte[] tail = "\"}]}]}".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        return all;
    }

    private static byte[] fiftyMegabytes() {
        byte[] body = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        return body;
    }
}
