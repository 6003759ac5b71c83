package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A new project as a user makes it (the README's pom, verbatim, and what {@code tunegate init} writes), built
 * with Maven against the snapshot this build installed into target/it-repo; everything else comes from the
 * outer build's local repository first. Only in the integration-test execution (see the module's pom).
 */
final class FreshProject {
    private FreshProject() {}

    /** True in the integration-test execution, after the snapshot is installed into target/it-repo. */
    static boolean available() {
        return System.getProperty("tunegate.it.repo") != null;
    }

    /** Writes the project into {@code dir/name}. */
    static Path create(Path dir, String name) throws Exception {
        Path project = dir.resolve(name);
        assertThat(Cli.run("init", project.toString()).exitCode()).isZero();
        Files.writeString(project.resolve("pom.xml"), ReadmePom.text());
        return project;
    }

    /** Runs Maven with {@code args} in {@code project}; the exit code and everything it printed. */
    static Cli.Result mvn(Path project, String... args) throws Exception {
        Path dir = project.getParent();
        Path settings = Files.writeString(dir.resolve("settings.xml"), """
                <settings><profiles><profile><id>outer</id>
                <repositories><repository><id>outer-local</id><url>%1$s</url></repository></repositories>
                <pluginRepositories><pluginRepository><id>outer-local</id><url>%1$s</url></pluginRepository>
                </pluginRepositories></profile></profiles><activeProfiles><activeProfile>outer</activeProfile>
                </activeProfiles></settings>
                """.formatted(
                        Path.of(System.getProperty("tunegate.it.outerRepo")).toUri()));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local="
                        + Path.of(System.getProperty("tunegate.it.repo")).toAbsolutePath()));
        command.addAll(List.of(args));
        Path log = dir.resolve("mvn.log");
        Process maven = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(maven.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Cli.Result(maven.exitValue(), Files.readString(log, StandardCharsets.UTF_8), "");
    }
}
