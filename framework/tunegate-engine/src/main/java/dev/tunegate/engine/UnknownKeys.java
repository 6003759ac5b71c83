package dev.tunegate.engine;

import static dev.tunegate.engine.Constants.MODEL_OVERRIDE_PREFIX;
import static dev.tunegate.engine.Constants.MODE_OVERRIDE_PREFIX;

import dev.tunegate.engine.config.ClosestName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code tunegate.*} keys that no constant of {@link Constants} declares (nor lies under
 * {@link Constants#MODEL_OVERRIDE_PREFIX} or {@link Constants#MODE_OVERRIDE_PREFIX}): a warning each, naming the closest known key.
 */
final class UnknownKeys {

    /** Every key of {@link Constants} (the {@code *_PROPERTY_NAME} fields), sorted. */
    static final SortedSet<String> KNOWN_KEYS = knownKeys();

    private UnknownKeys() {}

    /** A warning for each of {@code keys} that is not known. */
    static List<String> warnings(Set<String> keys) {
        List<String> warnings = new ArrayList<>();
        for (String key : keys) {
            if (!KNOWN_KEYS.contains(key)
                    && !key.startsWith(MODEL_OVERRIDE_PREFIX)
                    && !key.startsWith(MODE_OVERRIDE_PREFIX)) {
                warnings.add("Unknown TuneGate configuration key '" + key + "' is ignored"
                        + ClosestName.to(key, KNOWN_KEYS)
                                .map(k -> " (did you mean '" + k + "'?)")
                                .orElse("")
                        + "; the keys are listed in dev.tunegate.engine.Constants and the README");
            }
        }
        return warnings;
    }

    private static SortedSet<String> knownKeys() {
        SortedSet<String> keys = new TreeSet<>();
        for (Field field : Constants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class
                    && field.getName().endsWith("_PROPERTY_NAME")) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return keys;
    }
}
