package dev.tunegate.client.model;

import java.util.ArrayList;
import java.util.List;

/** Checks protobuf {@code oneof} groups and copies lists defensively. */
final class Unions {
    private Unions() {}

    /**
     * Throws when more than one member of a union is set.
     *
     * @param type  the message type, e.g. "Part"
     * @param union the union name, e.g. "data"
     * @param namesAndValues alternating field name and value
     */
    static void atMostOne(String type, String union, Object... namesAndValues) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                set.add((String) namesAndValues[i]);
            }
        }
        if (set.size() > 1) {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                all.add((String) namesAndValues[i]);
            }
            throw new IllegalArgumentException(type + "." + union + " is a union (oneof " + all
                    + "): at most one member may be set, but got " + set);
        }
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}
