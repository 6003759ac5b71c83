package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Thousands of broken bodies: only 4xx answers, every one a google.rpc.Status, and a live server after. */
class FuzzTest {
    static GeminiEmulator emulator;
    static Http http;

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.builder().port(0).build().start();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static final String[] SEEDS = {
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello\"}]}],\"generationConfig\":{\"temperature\":0.5,"
                + "\"topP\":0.9,\"topK\":10,\"candidateCount\":2,\"maxOutputTokens\":50,\"stopSequences\":[\"x\"],"
                + "\"responseMimeType\":\"application/json\",\"responseSchema\":{\"type\":\"OBJECT\",\"properties\":"
                + "{\"a\":{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\",\"enum\":[\"p\",\"q\"]}}},\"required\":[\"a\"]}},"
                + "\"safetySettings\":[{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"threshold\":\"BLOCK_ONLY_HIGH\"}],"
                + "\"systemInstruction\":{\"parts\":[{\"text\":\"You are a cat.\"}]}}",
        "{\"contents\":{\"parts\":{\"text\":\"Turn on the lights\"}},\"tools\":[{\"function_declarations\":[{\"name\":\"f\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"}}}}]}],"
                + "\"tool_config\":{\"function_calling_config\":{\"mode\":\"any\"}}}",
        "{\"contents\":[{\"parts\":[{\"inline_data\":{\"mime_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}},"
                + "{\"functionCall\":{\"name\":\"g\",\"args\":{\"k\":[1,2,{\"z\":null}]}}},"
                + "{\"functionResponse\":{\"name\":\"g\",\"response\":{\"ok\":true}}}]}]}"
    };
    private static final String[] JUNK = {
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "null",
        "true",
        "-1",
        "1e999",
        "\"\\u0000\"",
        "{\"contents\":",
        "[[[[",
        "\"parts\"",
        "\"text\":7",
        "NaN",
        "'",
        "\\",
        "\u00ff",
        "\"type\":\"ARRAY\"",
        "{\"items\":{}}"
    };

    @Test
    void malformedBodiesGetOnly4xxAndTheServerStaysUp() throws Exception {
        Random random = new Random(20261123);
        int n = 2000;
        List<String[]> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = mutate(SEEDS[random.nextInt(SEEDS.length)], random);
            String path = random.nextInt(5) == 0
                    ? "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"
                    : "/v1beta/models/gemini-2.0-flash:generateContent";
            requests.add(new String[] {path, body});
        }
        Map<Integer, Integer> byStatus = new ConcurrentSkipListMap<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String[] req : requests) {
                done.add(pool.submit(() -> {
                    HttpResponse<String> r = http.post(req[0], req[1]);
                    byStatus.merge(r.statusCode(), 1, Integer::sum);
                    if (r.statusCode() >= 500) {
                        unexpected.add(r.statusCode() + " for " + req[1] + " -> " + r.body());
                    } else if (r.statusCode() >= 400
                            && Http.json(r.body()).at("/error/code").asInt() != r.statusCode()) {
                        unexpected.add("no google.rpc.Status body: " + r.body());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(unexpected).as("5xx answers or bodies without a Status").isEmpty();
        assertThat(byStatus.keySet()).allMatch(s -> s == 200 || (s >= 400 && s < 500));
        assertThat(byStatus.getOrDefault(400, 0))
                .as("most mutations are rejected: " + byStatus)
                .isGreaterThan(n / 2);
        assertThat(http.ask("What is 2 + 2?")).isEqualTo("2 + 2 = 4");
        assertThat(emulator.stats().get("inFlight")).isEqualTo(0);
    }

    private static String mutate(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(sb.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> sb.insert(at, JUNK[random.nextInt(JUNK.length)]);
                case 1 -> {
                    int len = Math.min(sb.length() - at, 1 + random.nextInt(12));
                    sb.delete(at, at + len);
                }
                case 2 -> sb.setLength(at);
                case 3 -> {
                    if (at < sb.length()) {
                        sb.setCharAt(at, (char) (32 + random.nextInt(95)));
                    }
                }
                default -> {
                    int from = random.nextInt(sb.length() + 1);
                    int to = Math.min(sb.length(), from + random.nextInt(40));
                    sb.insert(at, sb.substring(from, to));
                }
            }
        }
        return sb.toString();
    }
}
