package dev.tunegate.engine.model.gate;

import dev.tunegate.engine.config.ComparisonSettings;
import dev.tunegate.engine.config.ReplayMode;
import dev.tunegate.engine.model.suite.ModelVariant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The one rule that decides a variant's own record/replay mode, and so whether it is <em>frozen</em>
 * (answered only from recordings, never called): {@code tunegate.mode.<variant>} when set; else
 * {@code replay} when the suite says {@code replayOnly: true} or when {@code tunegate.gate.frozen-baseline}
 * freezes the variant as its suite's gate baseline ({@code tunegate compare --against}); else none (the
 * run's {@code tunegate.mode}). Calls, reports and merges all ask this class.
 */
@API(status = API.Status.INTERNAL)
public final class Freezing {

    private Freezing() {}

    /** The variant's own mode, or empty when the run's mode applies; {@code role} is its role in its suite's gate. */
    public static Optional<ReplayMode> ownMode(ModelVariant variant, Role role, ComparisonSettings settings) {
        ReplayMode key = settings.variantModes().get(variant.name());
        if (key != null) {
            return Optional.of(key);
        }
        if (variant.replayOnly() || (settings.frozenBaseline() && role == Role.BASELINE)) {
            return Optional.of(ReplayMode.REPLAY);
        }
        return Optional.empty();
    }

    /** Whether the variant is answered only from recordings. */
    public static boolean frozen(ModelVariant variant, Role role, ComparisonSettings settings) {
        return ownMode(variant, role, settings).orElse(null) == ReplayMode.REPLAY;
    }

    /** Why the variant is frozen, for messages: the key, {@code replayOnly} or the frozen baseline. */
    public static String reason(ModelVariant variant, ComparisonSettings settings) {
        if (settings.variantModes().containsKey(variant.name())) {
            return "tunegate.mode." + variant.name() + "=replay";
        }
        return variant.replayOnly() ? "replayOnly: true" : "tunegate.gate.frozen-baseline (its suite's baseline)";
    }
}
