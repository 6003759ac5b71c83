package dev.tunegate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Blocks copied verbatim from the root README: the pom of "Add TuneGate to your Maven project", the Java eval. */
final class ReadmePom {
    static final Path README = Path.of("../../README.md");

    private ReadmePom() {}

    static String text() throws IOException {
        return block("tunegate-init-pom", "xml");
    }

    /** The one fenced {@code language} block of the README between {@code <!-- marker:begin …>} and {@code :end -->}. */
    static String block(String marker, String language) throws IOException {
        String readme = Files.readString(README);
        int begin = readme.indexOf("<!-- " + marker + ":begin");
        int end = readme.indexOf("<!-- " + marker + ":end -->");
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(README + " has no " + marker + ":begin/end markers");
        }
        String block = readme.substring(readme.indexOf('\n', begin) + 1, end);
        String open = "```" + language + "\n";
        if (!block.startsWith(open) || !block.endsWith("```\n")) {
            throw new IllegalStateException(
                    "the README's block between the " + marker + " markers is not one ```" + language + " block");
        }
        return block.substring(open.length(), block.length() - "```\n".length());
    }
}
