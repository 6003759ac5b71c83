package dev.tunegate.emulator.behaviour;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The bundled canned knowledge: the fact table ({@code facts.txt}) and named lists ({@code lists.txt}). */
final class Knowledge {
    record Entry(Pattern pattern, List<String> values) {}

    private final List<Entry> facts;
    private final List<Entry> lists;

    private Knowledge(List<Entry> facts, List<Entry> lists) {
        this.facts = facts;
        this.lists = lists;
    }

    static Knowledge bundled() {
        return new Knowledge(load("facts.txt", "\\s*\\|\\|\\s*"), load("lists.txt", "\\s*\\|\\s*"));
    }

    /** The answers (first = most likely) of the first fact whose pattern is found in {@code question}. */
    List<String> fact(String question) {
        for (Entry e : facts) {
            if (e.pattern().matcher(question).find()) {
                return e.values();
            }
        }
        return null;
    }

    /** The items of the first list whose topic pattern matches the whole {@code topic}. */
    List<String> list(String topic) {
        for (Entry e : lists) {
            if (e.pattern().matcher(topic).matches()) {
                return e.values();
            }
        }
        return null;
    }

    private static List<Entry> load(String name, String separator) {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = Knowledge.class.getResourceAsStream("/dev/tunegate/emulator/" + name);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                entries.add(new Entry(
                        Pattern.compile(line.substring(0, tab), Pattern.CASE_INSENSITIVE),
                        List.copyOf(
                                Arrays.asList(line.substring(tab + 1).strip().split(separator)))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries);
    }
}
