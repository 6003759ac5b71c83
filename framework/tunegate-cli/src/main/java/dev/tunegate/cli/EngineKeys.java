package dev.tunegate.cli;

/** The engine configuration keys the run options set. */
final class EngineKeys {
    static final String VARIANTS = "tunegate.variants";
    static final String MODE = "tunegate.mode";
    static final String CASSETTES = "tunegate.cassettes";
    static final String ENDPOINT = "tunegate.endpoint";
    static final String CONCURRENCY = "tunegate.concurrency";
    static final String REPORTS_DIR = "tunegate.reports.dir";
    static final String AS_ROOT_ENGINE = "tunegate.discovery.as-root-engine";

    private EngineKeys() {
    }
}
