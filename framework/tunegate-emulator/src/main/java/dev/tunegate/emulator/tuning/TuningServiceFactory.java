package dev.tunegate.emulator.tuning;

import dev.tunegate.emulator.EmulatorContext;
import dev.tunegate.emulator.TunedModelService;
import dev.tunegate.emulator.TunedModelServiceFactory;
import dev.tunegate.emulator.generation.ServedModel;
import dev.tunegate.emulator.storage.GcsDirectory;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Plugs tuned models into the emulator (found by {@link java.util.ServiceLoader}, or set with
 * {@code GeminiEmulator.builder().tunedModelService(TuningServiceFactory.withTunableModels(...))}).
 * By default every served base model whose id ends in {@code -tuning} (e.g.
 * {@code models/gemini-1.5-flash-001-tuning}) can be tuned, and so can the models tuned on Vertex AI
 * in 2026: {@code gemini-2.5-flash}, {@code gemini-2.5-flash-lite} and {@code gemini-2.5-pro}.
 */
@API(status = API.Status.INTERNAL)
public final class TuningServiceFactory implements TunedModelServiceFactory {

    /** The emulator's sampling defaults for a base model that sets none. */
    static final SamplingDefaults EMULATOR_DEFAULTS = new SamplingDefaults(1.0, 0.95, 40);

    private final Set<String> tunableModels;

    /** Tunable by default besides the {@code -tuning} models (their names must match {@code ModelCatalog}). */
    private static final Set<String> TUNABLE_2026 =
            Set.of("models/gemini-2.5-flash", "models/gemini-2.5-flash-lite", "models/gemini-2.5-pro");

    /** The default: served models whose id ends in {@code -tuning}, and the 2.5 models, support tuning. */
    public TuningServiceFactory() {
        this.tunableModels = null;
    }

    private TuningServiceFactory(Set<String> tunableModels) {
        this.tunableModels = tunableModels;
    }

    /** A factory with which exactly {@code names} ({@code models/...}; they must also be served) support tuning. */
    public static TuningServiceFactory withTunableModels(Collection<String> names) {
        return new TuningServiceFactory(names.stream()
                .map(n -> n.startsWith("models/") ? n : "models/" + n)
                .collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public TunedModelService create(EmulatorContext context) {
        Set<String> tunable = tunableModels != null
                ? tunableModels
                : context.baseModels().keySet().stream()
                        .filter(name -> name.endsWith("-tuning") || TUNABLE_2026.contains(name))
                        .collect(Collectors.toUnmodifiableSet());
        TuningSettings settings = new TuningSettings(
                context.dataDir(),
                context.tuningStepMillis(),
                tunable,
                context.baseModels()::containsKey,
                name -> defaults(context.baseModels().get(name)));
        VertexTuningService vertex = new VertexTuningService(
                settings,
                new VertexTuningRequestReader(tunable, GcsDirectory.at(context.gcsDir())),
                context.baseModels(),
                VertexTuningStore.at(context.dataDir()),
                Clock.systemUTC());
        return new TuningApi(TuningService.start(settings), vertex, context.baseModels());
    }

    private static SamplingDefaults defaults(ServedModel base) {
        if (base == null) {
            return EMULATOR_DEFAULTS;
        }
        return new SamplingDefaults(
                base.temperature() != null ? base.temperature() : EMULATOR_DEFAULTS.temperature(),
                base.topP() != null ? base.topP() : EMULATOR_DEFAULTS.topP(),
                base.topK() != null ? base.topK() : EMULATOR_DEFAULTS.topK());
    }
}
