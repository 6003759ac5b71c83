package dev.tunegate.emulator.behaviour;

import dev.tunegate.emulator.generation.Sampler;
import java.util.List;
import java.util.Locale;

/** Canned stories, poems, haiku and jokes with the requested topic filled in (alternatives sampled). */
final class Compositions {
    private Compositions() {}

    static String compose(String kind, String rawTopic, Sampler s) {
        String topic = rawTopic == null || rawTopic.isBlank() ? "an unexpected adventure" : rawTopic.strip();
        String bare = topic.replaceFirst("(?i)^(a|an|the)\\s+", "");
        String the = "the " + bare;
        String title = titleCase(bare);
        return switch (kind) {
            case "poem" ->
                s.choose(List.of(
                        "Ode to " + title + "\n\nIn quiet hours I think of " + bare
                                + ",\nof all the ways it shapes the day;\n"
                                + "a spark, a hum, a steady thread\nthat will not fade or drift away.",
                        "A Song of " + title + "\n\nSing of " + bare
                                + " in the morning light,\nhum it low when the stars come out;\n"
                                + "some things are simple, some things are right,\nand " + bare
                                + " is what this song's about."));
            case "haiku" ->
                s.choose(List.of(
                        bare + " at dawn\nsilent thoughts gather like dew\nthe day opens wide",
                        "thinking of " + bare + "\nwind moves through the tall grasses\nsomething stays with me"));
            case "phrase", "slogan", "sentence" ->
                s.choose(List.of(
                        "Oh, " + bare + "? Truly the finest thing since yesterday's weather forecast.",
                        "Ah yes, " + bare + ": setting the bar so high it needs a ladder to find it.",
                        "Nothing says excellence quite like " + bare + ", if you squint hard enough."));
            case "joke" ->
                s.choose(List.of(
                        "Why did the " + bare + " cross the road? To get to the other test case!",
                        "I told a joke about " + bare + " once. It passed in staging and failed in production."));
            default ->
                s.choose(
                        List.of(
                                "The " + title
                                        + "\n\nOnce upon a time, in a small town at the edge of a forest, there lived a curious girl"
                                        + " named Maya. One rainy afternoon she found " + topic
                                        + " in her grandmother's attic. At first it"
                                        + " seemed ordinary, but that night it began to glow. Whenever Maya needed something, "
                                        + the
                                        + " quietly provided it: a lantern in the dark, a map when she was lost, a warm scarf in the snow."
                                        + " Maya soon learned that the magic worked best when she used it to help others. She shared what"
                                        + " she found with her neighbours, and the town grew kinder every day. Years later, Maya passed "
                                        + the
                                        + " on to a child who needed it, knowing that the real magic had been generosity all along.",
                                "The Secret of " + title + "\n\nLeo never believed in magic until the day he met "
                                        + topic + ". It appeared"
                                        + " on his doorstep with no note and no explanation. Every morning it held exactly what the day"
                                        + " would require: an umbrella before a storm, a sandwich before a long walk, a book before a"
                                        + " boring wait. Leo tested it, doubted it, and finally trusted it. When his best friend lost her"
                                        + " way in the mountains, " + the
                                        + " gave Leo a compass, and together they brought her home. From"
                                        + " then on Leo understood that the most useful magic is the kind that arrives just in time."));
        };
    }

    private static String titleCase(String s) {
        StringBuilder sb = new StringBuilder();
        for (String w : s.split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString().replaceAll("[.!?]+$", "");
    }
}
