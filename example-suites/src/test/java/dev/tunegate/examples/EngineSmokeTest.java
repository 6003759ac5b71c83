package dev.tunegate.examples;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the engine smoke suite under Maven Surefire. Surefire only discovers classes, so a
 * {@code @Suite} class is what brings the {@code tunegate} engine's YAML suites into {@code mvn test}.
 */
@Suite
@IncludeEngines("tunegate")
@SelectPackages("smoke")
class EngineSmokeTest {
}
