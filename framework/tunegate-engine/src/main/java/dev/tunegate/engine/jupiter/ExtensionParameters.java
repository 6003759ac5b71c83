package dev.tunegate.engine.jupiter;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The launch's configuration parameters as a Jupiter extension sees them: every key can be read (explicit
 * parameters, system properties, {@code junit-platform.properties}), but only system properties can be listed, so
 * keys that are only found by listing them ({@code tunegate.model.<variant>}) work as system properties.
 */
final class ExtensionParameters implements ConfigurationParameters {

    private final ExtensionContext context;

    ExtensionParameters(ExtensionContext context) {
        this.context = context;
    }

    @Override
    public Optional<String> get(String key) {
        return context.getConfigurationParameter(key);
    }

    @Override
    public Optional<Boolean> getBoolean(String key) {
        return get(key).map(String::trim).map(Boolean::parseBoolean);
    }

    @Override
    @Deprecated
    public int size() {
        return keySet().size();
    }

    @Override
    public Set<String> keySet() {
        return Set.of();
    }
}
