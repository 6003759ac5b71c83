package dev.tunegate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The complete pom.xml of the root README's "Add TuneGate to your Maven project", between its marker comments. */
final class ReadmePom {
    static final Path README = Path.of("../../README.md");

    private ReadmePom() {}

    static String text() throws IOException {
        String readme = Files.readString(README);
        int begin = readme.indexOf("<!-- tunegate-init-pom:begin");
        int end = readme.indexOf("<!-- tunegate-init-pom:end -->");
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(README + " has no tunegate-init-pom:begin/end markers");
        }
        String block = readme.substring(readme.indexOf('\n', begin) + 1, end);
        String open = "```xml\n";
        if (!block.startsWith(open) || !block.endsWith("```\n")) {
            throw new IllegalStateException("the README's pom between the markers is not one ```xml block");
        }
        return block.substring(open.length(), block.length() - "```\n".length());
    }
}
