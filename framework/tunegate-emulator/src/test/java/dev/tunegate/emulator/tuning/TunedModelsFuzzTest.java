package dev.tunegate.emulator.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.GeminiEmulator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mutated create and patch bodies and query parameters never get a 5xx, and the server stays up. */
class TunedModelsFuzzTest {

    private static final JsonNode[] ODD_VALUES = {
        JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.textNode("x"),
        JsonNodeFactory.instance.numberNode(-1), JsonNodeFactory.instance.numberNode(1e300),
        JsonNodeFactory.instance.numberNode(0.5), JsonNodeFactory.instance.booleanNode(true),
        JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
        JsonNodeFactory.instance.textNode("TUNEGATE_FAIL_TUNING"), JsonNodeFactory.instance.textNode("")
    };

    @Test
    void mutatedRequestsAreAnsweredWithoutServerErrors() {
        Random random = new Random(7);
        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).tuningStepMillis(0).build().start()) {
            RawApi api = new RawApi(emulator.baseUrl());
            api.post("/v1beta/tunedModels?tunedModelId=fuzz-target", RawApi.supportIntents());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                ObjectNode body = RawApi.supportIntents();
                mutate(body, random, 1 + random.nextInt(3));
                String text = body.toString();
                if (random.nextInt(5) == 0) {
                    text = text.substring(0, random.nextInt(text.length()));
                }
                statuses.add(
                        switch (i % 3) {
                            case 0 ->
                                api.post("/v1beta/tunedModels?tunedModelId=f" + i, text)
                                        .status();
                            case 1 ->
                                api.patch(
                                                "/v1beta/tunedModels/fuzz-target?updateMask="
                                                        + List.of(
                                                                        "description",
                                                                        "topK",
                                                                        "displayName,temperature",
                                                                        "tuningTask",
                                                                        "x")
                                                                .get(i % 5),
                                                text)
                                        .status();
                            default ->
                                api.get("/v1beta/tunedModels?pageSize=" + (random.nextInt(2000) - 10) + "&filter=%22"
                                                + random.nextInt(9) + "&pageToken="
                                                + (random.nextBoolean() ? "" : "AAA"))
                                        .status();
                        });
            }
            assertThat(statuses).allMatch(s -> s < 500, "no 5xx");
            assertThat(statuses).contains(200, 400);
            assertThat(api.get("/v1beta/tunedModels/fuzz-target").status()).isEqualTo(200);
        }
    }

    static void mutate(ObjectNode root, Random random, int times) {
        for (int t = 0; t < times; t++) {
            List<ObjectNode> objects = new ArrayList<>();
            collect(root, objects);
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || random.nextInt(4) == 0) {
                target.set("extra" + random.nextInt(3), ODD_VALUES[random.nextInt(ODD_VALUES.length)].deepCopy());
            } else {
                String name = names.get(random.nextInt(names.size()));
                if (random.nextInt(3) == 0) {
                    target.remove(name);
                } else {
                    target.set(name, ODD_VALUES[random.nextInt(ODD_VALUES.length)].deepCopy());
                }
            }
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                collect(it.next().getValue(), objects);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> collect(child, objects));
        }
    }
}
