package dev.tunegate.examples;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the support-ticket triage suites ({@code src/test/resources/suites/*.eval.yaml}) under Maven
 * Surefire: the base model, v1 and v2 on every case, then one gate test per suite that decides
 * whether v2 may replace v1; and the checkpoint sweep of a Vertex AI tuning job
 * ({@code src/test/resources/sweeps/}, kept apart because the CLI tests run every suite of {@code suites/} in
 * replay and batch mode, which a tuning job cannot be).
 */
@Suite
@IncludeEngines("tunegate")
@SelectPackages({"suites", "sweeps"})
class SupportTriageEvalTest {}
