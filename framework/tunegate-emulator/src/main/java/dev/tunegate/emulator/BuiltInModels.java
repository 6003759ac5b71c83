package dev.tunegate.emulator;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The base models an emulator serves unless its builder is given others ({@link GeminiEmulator.Builder#models}):
 * what the engine checks model names against, at discovery, before it starts an embedded emulator.
 */
@API(status = API.Status.INTERNAL)
public final class BuiltInModels {

    private BuiltInModels() {}

    /** The default base models, e.g. {@code models/gemini-1.5-flash-001}. */
    public static List<String> names() {
        return ModelCatalog.DEFAULT_MODELS;
    }
}
