package dev.tunegate.client;

import java.util.regex.Pattern;

/** Removes an API key from text a server or a library produced (messages, details, reasons). */
final class Redactor {
    static final String MASK = "[REDACTED]";
    private static final Pattern KEY_PARAM = Pattern.compile("([?&]key=)[^&\\s\"']+");

    private Redactor() {}

    /** {@code text} with every occurrence of {@code key} and every {@code key=} query value masked. */
    static String redact(String text, String key) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (key != null && !key.isEmpty()) {
            out = out.replace(key, MASK);
        }
        return KEY_PARAM.matcher(out).replaceAll("$1" + MASK);
    }
}
