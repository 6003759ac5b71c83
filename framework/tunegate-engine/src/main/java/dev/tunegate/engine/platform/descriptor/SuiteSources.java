package dev.tunegate.engine.platform.descriptor;

import dev.tunegate.engine.model.suite.SourcePosition;
import dev.tunegate.engine.model.suite.SuiteFiles;
import java.io.File;
import java.net.URI;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.UriSource;

/**
 * Maps a suite URI and position to a JUnit {@link TestSource}: {@code classpath:} gives a
 * {@link ClasspathResourceSource} (IDE navigation, and Allure's {@code fullName}), {@code file:} a
 * {@link FileSource}, anything else a {@link UriSource}.
 */
@API(status = API.Status.INTERNAL)
public final class SuiteSources {

    private SuiteSources() {}

    public static TestSource of(URI uri, SourcePosition position) {
        FilePosition filePosition = FilePosition.from(position.line(), position.column());
        if ("classpath".equals(uri.getScheme())) {
            return ClasspathResourceSource.from(SuiteFiles.resourceName(uri), filePosition);
        }
        if ("file".equals(uri.getScheme())) {
            return FileSource.from(new File(uri), filePosition);
        }
        return UriSource.from(uri);
    }
}
