package dev.tunegate.engine.results.allure;

import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.results.report.VariantResult;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A finished variant test of the current case, kept until the case's results are written. Its
 * detailed result (answers, request and response JSON) is made on first use, which may be on the
 * writer's thread rather than the test's.
 */
final class Seen {

    private final AllureCase info;
    private final Outcome status;
    private final Optional<String> toleratedReason;
    private Supplier<VariantResult> source;
    private VariantResult result;

    Seen(AllureCase info, Outcome status, Supplier<VariantResult> result, Optional<String> toleratedReason) {
        this.info = info;
        this.status = status;
        this.source = result;
        this.toleratedReason = toleratedReason;
    }

    AllureCase info() {
        return info;
    }

    /** The true outcome. */
    Outcome status() {
        return status;
    }

    Optional<String> toleratedReason() {
        return toleratedReason;
    }

    synchronized VariantResult result() {
        if (result == null) {
            result = source.get();
            source = null;
        }
        return result;
    }
}
