package dev.tunegate.engine.platform.discovery;

import dev.tunegate.engine.model.suite.SuiteFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * A file-system directory → one file selector per suite file below it, in path order. (JUnit's own
 * resource container resolver covers classpath roots and packages, not directories.)
 */
final class DirectoryResolver implements SelectorResolver {

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        Path dir = selector.getPath();
        if (!Files.isDirectory(dir)) {
            return Resolution.unresolved();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            Set<DiscoverySelector> files = paths.filter(
                            p -> SuiteFiles.isSuiteName(p.getFileName().toString()) && Files.isRegularFile(p))
                    .sorted()
                    .map(p -> (DiscoverySelector) DiscoverySelectors.selectFile(p.toFile()))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return files.isEmpty() ? Resolution.unresolved() : Resolution.selectors(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
