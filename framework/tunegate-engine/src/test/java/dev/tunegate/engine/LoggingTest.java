package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Allure's Java API logs through SLF4J: without a provider every test JVM prints "No SLF4J providers were found"
 * and drops Allure's warnings. The build routes SLF4J to java.util.logging, where TuneGate logs.
 */
class LoggingTest {

    @Test
    void slf4jHasAProviderThatWritesToJavaUtilLogging() {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                .as("the SLF4J logger factory (NOPLoggerFactory means no provider was found)")
                .isEqualTo("org.slf4j.jul.JDK14LoggerFactory");
    }
}
