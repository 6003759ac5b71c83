package dev.tunegate.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tunegate.client.model.TuningExample;
import dev.tunegate.engine.model.suite.TuneSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content hash of what a {@code tune:} block tunes: the base model, the hyperparameters and
 * every training example (input and output, in order, as read: the same data in JSONL or CSV has the
 * same hash). Display name and description are labels, not tuning settings, and are left out. The
 * engine writes the hash into the tuned model's description ({@code tunegate:sha256=<hex>}, before
 * any description the suite gives) and compares it before reusing an existing model.
 */
final class TuningFingerprint {

    static final String MARKER = "tunegate:sha256=";
    private static final Pattern IN_DESCRIPTION = Pattern.compile(Pattern.quote(MARKER) + "([0-9a-f]{64})");
    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private TuningFingerprint() {}

    /** The SHA-256, in hex, of the base model, the hyperparameters and the examples of {@code tune}. */
    static String of(TuneSpec tune, List<TuningExample> examples) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("baseModel", tune.baseModel());
        content.put(
                "hyperparameters",
                tune.hyperparameters() == null ? null : CANONICAL.convertValue(tune.hyperparameters(), Object.class));
        List<List<String>> pairs = new ArrayList<>(examples.size());
        for (TuningExample e : examples) {
            pairs.add(java.util.Arrays.asList(e.textInput(), e.output()));
        }
        content.put("examples", pairs);
        try {
            byte[] json = CANONICAL.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the tune block: " + e.getMessage(), e);
        }
    }

    /** The description to create the tuned model with: the marker, then the suite's description if any. */
    static String description(String hash, Optional<String> description) {
        return MARKER
                + hash
                + description.filter(d -> !d.isBlank()).map(d -> " " + d).orElse("");
    }

    /** The hash written in a tuned model's description, if TuneGate created it. */
    static Optional<String> in(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher m = IN_DESCRIPTION.matcher(description);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
