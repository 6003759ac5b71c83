package evals;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every *.eval.yaml suite under src/test/resources/suites/ with the tunegate engine under
 * Maven Surefire. A @Suite class that finds no test fails (JUnit's @Suite(failIfNoTests = true) default),
 * so a moved or misspelled suites folder never looks green.
 */
@Suite
@IncludeEngines("tunegate")
@SelectPackages("suites")
class EvalSuitesTest {}
