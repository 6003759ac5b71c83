package dev.tunegate.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.model.suite.TuneSpec;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content hash of what a Vertex AI tune block tunes: the base model, the hyperparameters and every training and
 * validation example (each JSONL line as canonical JSON, so re-indenting or reordering keys changes nothing, while a
 * changed line does); a {@code gs://} dataset counts by its URI. The display name is not part of it (it is the other
 * half of what identifies a job). Stored in the job's label {@value #LABEL}: the first 40 hex digits of a SHA-256
 * (label values hold at most 63 characters).
 */
final class VertexTuningHash {

    /** The label of a tuning job that holds the hash. */
    static final String LABEL = "tunegate-hash";

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private VertexTuningHash() {}

    static String of(TuneSpec tune, SuiteFiles files) throws IOException {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("baseModel", tune.baseModel());
        content.put(
                "hyperParameters",
                tune.hyperparameters() == null ? null : CANONICAL.convertValue(tune.hyperparameters(), Object.class));
        content.put("training", examples(tune.trainingData(), files));
        content.put(
                "validation",
                tune.validationData().isPresent()
                        ? examples(tune.validationData().get(), files)
                        : null);
        try {
            byte[] json = CANONICAL.writeValueAsBytes(content);
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(json))
                    .substring(0, 40);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the tune block: " + e.getMessage(), e);
        }
    }

    private static Object examples(URI data, SuiteFiles files) throws IOException {
        if ("gs".equals(data.getScheme())) {
            return data.toString();
        }
        List<Object> lines = new ArrayList<>();
        for (String line : files.read(data).split("\r?\n")) {
            if (!line.isBlank()) {
                JsonNode node = CANONICAL.readTree(line);
                lines.add(CANONICAL.convertValue(node, Object.class));
            }
        }
        return lines;
    }
}
