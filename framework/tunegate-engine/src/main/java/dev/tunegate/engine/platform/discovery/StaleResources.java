package dev.tunegate.engine.platform.discovery;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds suite resources that a build copied to its output folder and whose source has since been
 * deleted: Maven copies {@code src/test/resources} to {@code target/test-classes} but never removes a
 * copy, so a deleted suite would keep running until {@code mvn clean}. Only the standard layouts are
 * judged (Maven {@code target/(test-)classes} ← {@code src/(test|main)/resources} next to a
 * {@code pom.xml}; Gradle {@code build/resources/(test|main)} ← {@code src/(test|main)/resources}
 * next to a {@code build.gradle(.kts)}), and only when that source folder exists; anything else
 * (jars, other resource folders, generated suites) is left alone.
 */
final class StaleResources {

    private StaleResources() {}

    /** Why the resource is a stale copy (naming the missing source), or empty when it is not known to be one. */
    static Optional<String> reason(ClassLoader loader, String resourceName) {
        URL url = loader.getResource(resourceName);
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Paths.get(url.toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        Path root = file;
        for (String ignored : resourceName.split("/")) {
            root = root == null ? null : root.getParent();
        }
        Optional<Path> sources = sourceFolder(root);
        if (sources.isEmpty() || Files.exists(sources.get().resolve(resourceName))) {
            return Optional.empty();
        }
        return Optional.of(resourceName + " is only in the build output " + root + ": its source "
                + sources.get().resolve(resourceName) + " no longer exists (deleted or renamed?), so it is not run;"
                + " a clean build (mvn clean) removes the stale copy");
    }

    private static Optional<Path> sourceFolder(Path root) {
        if (root == null || root.getParent() == null || root.getParent().getParent() == null) {
            return Optional.empty();
        }
        String name = root.getFileName().toString();
        Path parent = root.getParent();
        Path module;
        String set;
        if (parent.getFileName().toString().equals("target")
                && (name.equals("test-classes") || name.equals("classes"))) {
            module = parent.getParent();
            set = name.equals("test-classes") ? "test" : "main";
            if (!Files.exists(module.resolve("pom.xml"))) {
                return Optional.empty();
            }
        } else if (parent.getFileName().toString().equals("resources")
                && parent.getParent().getFileName().toString().equals("build")
                && (name.equals("test") || name.equals("main"))) {
            module = parent.getParent().getParent();
            set = name;
            if (module == null
                    || !(Files.exists(module.resolve("build.gradle"))
                            || Files.exists(module.resolve("build.gradle.kts")))) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        Path sources = module.resolve("src").resolve(set).resolve("resources");
        return Files.isDirectory(sources) ? Optional.of(sources) : Optional.empty();
    }
}
