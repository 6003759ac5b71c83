package dev.tunegate.engine.results.allure;

import io.qameta.allure.AllureResultsWriteException;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.internal.Allure2ModelJackson;
import io.qameta.allure.internal.shadowed.jackson.databind.ObjectWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes Allure results into a directory, each file with one open, one write and one close: results
 * and containers serialised by Allure's own mapper (the bytes of its {@code FileSystemResultsWriter},
 * which also makes sure the directory exists before every file), attachments straight from their
 * bytes into {@code <source>} files. The directory is created once.
 */
final class ResultsDirectoryWriter implements AllureResultsWriter {

    /** Allure's mapper, as its file writer configures it (same bytes for the same result). */
    private static final ObjectWriter JSON = Allure2ModelJackson.createMapper().writer();

    private final Path directory;
    private volatile boolean created;

    ResultsDirectoryWriter(Path directory) {
        this.directory = directory;
    }

    @Override
    public void write(TestResult testResult) {
        write(testResult.getUuid() + "-result.json", testResult);
    }

    @Override
    public void write(TestResultContainer testResultContainer) {
        write(testResultContainer.getUuid() + "-container.json", testResultContainer);
    }

    @Override
    public void write(String source, InputStream attachment) {
        try (InputStream in = attachment) {
            file(source, in.readAllBytes());
        } catch (IOException e) {
            throw new AllureResultsWriteException("Could not write Allure attachment " + source, e);
        }
    }

    private void write(String name, Object result) {
        try {
            file(name, JSON.writeValueAsBytes(result));
        } catch (IOException e) {
            throw new AllureResultsWriteException("Could not write Allure result " + name, e);
        }
    }

    private void file(String name, byte[] content) throws IOException {
        if (!created) {
            Files.createDirectories(directory);
            created = true;
        }
        Files.write(directory.resolve(name), content);
    }
}
