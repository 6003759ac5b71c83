package dev.tunegate.engine.allure;

import dev.tunegate.engine.report.VariantResult;
import java.util.Optional;

/** A finished variant test of the current case, kept until the case's results are written. */
record Seen(AllureCase info, VariantResult result, Optional<String> toleratedReason) {
}
