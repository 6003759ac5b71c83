package dev.tunegate.engine.results.allure;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps Allure results in memory for assertions. */
public final class InMemoryResultsWriter implements AllureResultsWriter {

    public final List<TestResult> results = new CopyOnWriteArrayList<>();
    public final List<TestResultContainer> containers = new CopyOnWriteArrayList<>();
    public final Map<String, String> attachments = new ConcurrentHashMap<>();

    @Override
    public void write(TestResult testResult) {
        results.add(testResult);
    }

    @Override
    public void write(TestResultContainer container) {
        containers.add(container);
    }

    @Override
    public void write(String source, InputStream attachment) {
        try {
            attachments.put(source, new String(attachment.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
