package dev.tunegate.engine.results.allure;

import io.qameta.allure.AllureResultsWriteException;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes Allure results into a directory: results and containers through Allure's own
 * {@link FileSystemResultsWriter} (its JSON, unchanged), attachments straight from their bytes
 * into {@code <source>} files. Allure's writer makes sure the directory exists before every file;
 * here that is done once, since attachments are most of the files a run writes.
 */
final class ResultsDirectoryWriter implements AllureResultsWriter {

    private final Path directory;
    private final FileSystemResultsWriter results;
    private volatile boolean created;

    ResultsDirectoryWriter(Path directory) {
        this.directory = directory;
        this.results = new FileSystemResultsWriter(directory);
    }

    @Override
    public void write(TestResult testResult) {
        results.write(testResult);
    }

    @Override
    public void write(TestResultContainer testResultContainer) {
        results.write(testResultContainer);
    }

    @Override
    public void write(String source, InputStream attachment) {
        try (InputStream in = attachment) {
            if (!created) {
                Files.createDirectories(directory);
                created = true;
            }
            Files.write(directory.resolve(source), in.readAllBytes());
        } catch (IOException e) {
            throw new AllureResultsWriteException("Could not write Allure attachment " + source, e);
        }
    }
}
