package dev.tunegate.emulator.generation;

import static dev.tunegate.emulator.generation.RequestFieldError.abbreviate;
import static dev.tunegate.emulator.generation.RequestFieldError.bad;

import dev.tunegate.client.model.Schema;
import dev.tunegate.client.model.SchemaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a {@link Schema} (a response schema or a function's parameters/response) and its nested
 * schemas: known type, items on arrays, required names among properties, enum only on strings, sane
 * bounds, a valid pattern.
 */
final class SchemaCheck {
    /** Largest {@code minItems} the emulator will generate. */
    static final long MAX_ITEMS = 1000;
    /** Largest {@code minLength} the emulator will generate. */
    static final long MAX_STRING = 10_000;
    /** Deepest nesting accepted. */
    private static final int MAX_DEPTH = 32;

    private SchemaCheck() {}

    /** Checks {@code s} at field {@code f}, nested {@code depth} levels deep, and everything below it. */
    static void schema(String f, Schema s, int depth) {
        if (depth > MAX_DEPTH) {
            throw bad(f, "schema is nested too deeply (more than 32 levels)");
        }
        shape(f, s);
        bounds(f, s);
        if (s.pattern() != null) {
            try {
                Pattern.compile(s.pattern());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw bad(f + ".pattern", "pattern is not a valid regular expression");
            }
        }
        children(f, s, depth);
    }

    private static void shape(String f, Schema s) {
        SchemaType type = s.type();
        if (type == SchemaType.UNRECOGNIZED) {
            throw bad(f + ".type", "type must be one of STRING, NUMBER, INTEGER, BOOLEAN, ARRAY, OBJECT, NULL");
        }
        if (type == SchemaType.ARRAY && s.items() == null) {
            throw bad(f + ".items", "missing field: an ARRAY schema needs items");
        }
        if (s.enumValues() != null && !s.enumValues().isEmpty() && type != SchemaType.STRING) {
            throw bad(f + ".enum", "enum is only supported for STRING schemas");
        }
        if (type == SchemaType.OBJECT
                && s.properties() != null
                && s.properties().isEmpty()) {
            throw bad(f + ".properties", "should be non-empty for OBJECT type");
        }
        if (s.required() != null) {
            for (String name : s.required()) {
                if (s.properties() == null || !s.properties().containsKey(name)) {
                    throw bad(
                            f + ".required",
                            "required property '" + abbreviate(String.valueOf(name))
                                    + "' is not defined in properties");
                }
            }
        }
    }

    /** The min/max counts: non-negative integers, within what the emulator generates, min not above max. */
    private static void bounds(String f, Schema s) {
        for (String[] bound : new String[][] {
            {"minItems", s.minItems()},
            {"maxItems", s.maxItems()},
            {"minLength", s.minLength()},
            {"maxLength", s.maxLength()},
            {"minProperties", s.minProperties()},
            {"maxProperties", s.maxProperties()}
        }) {
            if (bound[1] != null) {
                try {
                    if (Long.parseLong(bound[1]) < 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw bad(f + "." + bound[0], bound[0] + " must be a non-negative integer");
                }
            }
        }
        if (s.minItems() != null && Long.parseLong(s.minItems()) > MAX_ITEMS) {
            throw bad(f + ".minItems", "minItems above " + MAX_ITEMS + " is not supported by the emulator");
        }
        if (s.minLength() != null && Long.parseLong(s.minLength()) > MAX_STRING) {
            throw bad(f + ".minLength", "minLength above " + MAX_STRING + " is not supported by the emulator");
        }
        if (s.minItems() != null
                && s.maxItems() != null
                && Long.parseLong(s.minItems()) > Long.parseLong(s.maxItems())) {
            throw bad(f + ".minItems", "minItems must not exceed maxItems");
        }
    }

    private static void children(String f, Schema s, int depth) {
        if (s.properties() != null) {
            for (Map.Entry<String, Schema> p : s.properties().entrySet()) {
                if (p.getValue() == null) {
                    throw bad(f + ".properties." + p.getKey(), "a property needs a schema");
                }
                schema(f + ".properties." + p.getKey(), p.getValue(), depth + 1);
            }
        }
        if (s.items() != null) {
            schema(f + ".items", s.items(), depth + 1);
        }
        if (s.anyOf() != null) {
            List<Schema> any = new ArrayList<>(s.anyOf());
            for (int i = 0; i < any.size(); i++) {
                if (any.get(i) == null) {
                    throw bad(f + ".anyOf[" + i + "]", "anyOf entries must be schemas");
                }
                schema(f + ".anyOf[" + i + "]", any.get(i), depth + 1);
            }
        }
    }
}
