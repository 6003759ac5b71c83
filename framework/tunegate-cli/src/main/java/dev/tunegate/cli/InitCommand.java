package dev.tunegate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunegate init [DIR]}: writes a Maven project that runs TuneGate suites (the README's pom, the
 * {@code @Suite} class, {@code junit-platform.properties} and one example suite); never overwrites a file.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Write a Maven project that runs evaluation suites with TuneGate: pom.xml, the @Suite class,",
            "junit-platform.properties and an example suite that passes on the embedded emulator.",
            "Nothing is overwritten: if any of these files exists, nothing is written (exit code 2)."
        })
final class InitCommand implements Callable<Integer> {

    /** Template resource (next to this class, under init/) and where it goes in the project. */
    record Template(String resource, String target) {}

    static final List<Template> FILES = List.of(
            new Template("pom.xml", "pom.xml"),
            new Template("gitignore", ".gitignore"),
            new Template("EvalSuitesTest.java", "src/test/java/evals/EvalSuitesTest.java"),
            new Template("junit-platform.properties", "src/test/resources/junit-platform.properties"),
            new Template("hello.eval.yaml", "src/test/resources/suites/hello.eval.yaml"));

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Project directory, created if needed (default: the current directory).")
    Path dir;

    @Override
    public Integer call() {
        List<Path> existing = FILES.stream()
                .map(t -> dir.resolve(t.target()))
                .filter(Files::exists)
                .toList();
        if (!existing.isEmpty()) {
            throw new UserInputException("tunegate init overwrites nothing, and these files exist: " + existing
                    + ". Choose an empty directory (tunegate init DIR) or move them away.");
        }
        try {
            for (Template t : FILES) {
                Path target = dir.resolve(t.target());
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.write(target, template(t.resource()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var out = spec.commandLine().getOut();
        FILES.forEach(t -> out.println("  created " + dir.resolve(t.target())));
        out.println("Run the example suite on the embedded emulator: cd " + dir + " && mvn test");
        out.flush();
        return ExitCodes.OK;
    }

    static byte[] template(String name) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream("init/" + name)) {
            if (in == null) {
                throw new IOException("missing template init/" + name + " in the tunegate jar");
            }
            return in.readAllBytes();
        }
    }
}
