package dev.tunegate.engine.platform.discovery;

import dev.tunegate.engine.model.suite.SuiteFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * A file-system directory → one file selector per suite file below it, in path order. (JUnit's own
 * resource container resolver covers classpath roots and packages, not directories.) Symbolic links
 * are followed while they stay inside the project root; one that leaves it is not followed and is
 * reported as a discovery issue, so that a selector naming it never ends in a bare "No tests found".
 */
final class DirectoryResolver implements SelectorResolver {

    private final Optional<Path> projectRoot;
    private final DiscoveryIssueReporter issues;

    DirectoryResolver(Optional<Path> projectRoot, DiscoveryIssueReporter issues) {
        this.projectRoot = projectRoot;
        this.issues = issues;
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        Path dir = selector.getPath().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return Resolution.unresolved();
        }
        try {
            Path root = root(dir);
            if (!dir.toRealPath().startsWith(root)) {
                // JUnit's selectDirectory(File) has already resolved a link to its target: a directory
                // outside a configured project root is one that only a link could have led to.
                issues.reportIssue(DiscoveryIssue.builder(
                                DiscoveryIssue.Severity.WARNING,
                                selector.getPath() + " (" + dir.toRealPath() + ") is outside the project root " + root
                                        + "; it is not searched (a symbolic link leaving the project? set"
                                        + " tunegate.project-root to include it)")
                        .source(DirectorySource.from(dir.toFile())));
                return Resolution.unresolved();
            }
            List<Path> found = new ArrayList<>();
            collect(dir, root, new HashSet<>(), found);
            Set<DiscoverySelector> files = new LinkedHashSet<>();
            found.stream().sorted().forEach(p -> files.add(DiscoverySelectors.selectFile(p.toFile())));
            return files.isEmpty() ? Resolution.unresolved() : Resolution.selectors(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project root as a real path: the configured one, else the working directory, else the selected directory. */
    private Path root(Path dir) throws IOException {
        Path cwd = Paths.get("").toAbsolutePath().normalize();
        Path root = projectRoot.map(p -> p.toAbsolutePath().normalize()).orElse(dir.startsWith(cwd) ? cwd : dir);
        return root.toRealPath();
    }

    private void collect(Path dir, Path root, Set<Path> visited, List<Path> files) throws IOException {
        if (!visited.add(dir.toRealPath())) {
            return; // a link back to a directory already searched
        }
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.sorted().forEach(entries::add);
        }
        for (Path entry : entries) {
            boolean link = Files.isSymbolicLink(entry);
            if (link) {
                Path target;
                try {
                    target = entry.toRealPath();
                } catch (IOException e) {
                    continue; // a dangling link: nothing to run
                }
                if (!target.startsWith(root)) {
                    if (Files.isDirectory(target)
                            || SuiteFiles.isSuiteName(entry.getFileName().toString())) {
                        escapes(entry, root);
                    }
                    continue;
                }
            }
            if (Files.isDirectory(entry)) {
                collect(entry, root, visited, files);
            } else if (SuiteFiles.isSuiteName(entry.getFileName().toString()) && Files.isRegularFile(entry)) {
                files.add(entry);
            }
        }
    }

    private void escapes(Path link, Path root) throws IOException {
        issues.reportIssue(DiscoveryIssue.builder(
                        DiscoveryIssue.Severity.WARNING,
                        link + " is a symbolic link to " + link.toRealPath() + ", outside the project root " + root
                                + "; it is not followed (suites may not read files outside the project; set"
                                + " tunegate.project-root to include it)")
                .source(DirectorySource.from(link.toFile())));
    }
}
