package dev.tunegate.engine.results.allure;

/**
 * Why a case &times; variant did not pass, as a bracketed marker at the start of the Allure message
 * that {@code categories.json} matches on.
 */
enum FailureKind {
    REGRESSION("[regression]"),
    BASELINE_FAILURE("[baseline failure]"),
    REFERENCE_FAILURE("[reference failure]"),
    TOLERATED_CANDIDATE_FAILURE("[tolerated candidate failure]"),
    CANDIDATE_FAILURE("[candidate failure]");

    private final String marker;

    FailureKind(String marker) {
        this.marker = marker;
    }

    String marker() {
        return marker;
    }
}
