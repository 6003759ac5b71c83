package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven on a generated project as a user would, against the snapshot this build installed into
 * target/it-repo; everything else comes from the outer build's local repository first (Central only for the few
 * POMs the outer build never needed, e.g. the descriptors of versions that its BOMs replace).
 */
final class ItMaven {

    private ItMaven() {}

    /** Runs {@code mvn -B <goals>} in {@code project} (files of the run in {@code work}); the output, exit code 0. */
    static String run(Path project, Path work, String... goals) throws Exception {
        Path settings = Files.writeString(work.resolve("settings.xml"), """
                <settings><profiles><profile><id>outer</id>
                <repositories><repository><id>outer-local</id><url>%1$s</url></repository></repositories>
                <pluginRepositories><pluginRepository><id>outer-local</id><url>%1$s</url></pluginRepository>
                </pluginRepositories></profile></profiles><activeProfiles><activeProfile>outer</activeProfile>
                </activeProfiles></settings>
                """.formatted(
                        Path.of(System.getProperty("tunegate.it.outerRepo")).toUri()));
        String mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
        Path log = work.resolve("mvn.log");
        List<String> command = new ArrayList<>(List.of(
                mvn,
                "-B",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local="
                        + Path.of(System.getProperty("tunegate.it.repo")).toAbsolutePath()));
        command.addAll(List.of(goals));
        Process maven = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(maven.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(maven.exitValue()).as(output).isZero();
        return output;
    }
}
