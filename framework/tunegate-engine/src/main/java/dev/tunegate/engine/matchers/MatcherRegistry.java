package dev.tunegate.engine.matchers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.tunegate.engine.config.ClosestName;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The matchers known to a run, by YAML key. {@link #load()} finds every {@link MatcherFactory}
 * registered through {@code META-INF/services} (the built-ins and third-party ones alike);
 * {@link #create(JsonNode, MatcherContext)} turns one {@code expect:} entry into a {@link Matcher}.
 * Immutable and thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class MatcherRegistry {

    private final Map<String, MatcherFactory> factories;

    private MatcherRegistry(Map<String, MatcherFactory> factories) {
        this.factories = factories;
    }

    /** Loads every factory visible to the thread context class loader (or this class's loader). */
    public static MatcherRegistry load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(loader != null ? loader : MatcherRegistry.class.getClassLoader());
    }

    /**
     * Loads every factory registered with {@code loader}.
     *
     * @throws IllegalStateException when a factory cannot be instantiated or two factories claim the
     *     same name (the message names both classes)
     */
    public static MatcherRegistry load(ClassLoader loader) {
        try {
            return of(ServiceLoader.load(MatcherFactory.class, loader).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList());
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("A TuneGate matcher factory could not be loaded: " + e.getMessage(), e);
        }
    }

    /**
     * A registry of exactly these factories.
     *
     * @throws IllegalStateException when two factories claim the same name or a name is not a valid key
     */
    public static MatcherRegistry of(Collection<? extends MatcherFactory> factories) {
        Map<String, MatcherFactory> byName = new TreeMap<>();
        for (MatcherFactory factory : factories) {
            String name = factory.name();
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
                throw new IllegalStateException(
                        "Matcher factory " + factory.getClass().getName() + " has an invalid name '" + name
                                + "' (letters, digits, '_', '.', '-'; starting with a letter)");
            }
            MatcherFactory previous = byName.putIfAbsent(name, factory);
            if (previous != null) {
                throw new IllegalStateException("Two matcher factories claim the name '" + name + "': "
                        + previous.getClass().getName() + " and "
                        + factory.getClass().getName());
            }
        }
        return new MatcherRegistry(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName)));
    }

    /** The known matcher names, sorted. */
    public Set<String> names() {
        return new TreeSet<>(factories.keySet());
    }

    /** The factory for a name, if there is one. */
    public Optional<MatcherFactory> factory(String name) {
        return Optional.ofNullable(factories.get(name));
    }

    /**
     * Creates the matcher for one {@code expect:} entry: a single-key map such as
     * {@code {equals: "..."}} or {@code {not: {contains: sorry}}}, or a bare name such as
     * {@code isJson} for a matcher that needs no argument.
     *
     * @throws MatcherDefinitionException for an entry that is not a single-key map, an unknown name
     *     (the message lists the known names and suggests the closest one) or an invalid argument;
     *     its pointer locates the problem inside the entry
     */
    public Matcher create(JsonNode entry, MatcherContext context) throws MatcherDefinitionException {
        Objects.requireNonNull(context, "context");
        String name;
        JsonNode argument;
        if (entry != null && entry.isTextual()) {
            name = entry.textValue();
            argument = NullNode.getInstance();
        } else if (entry != null && entry.isObject() && entry.size() == 1) {
            Map.Entry<String, JsonNode> field = entry.properties().iterator().next();
            name = field.getKey();
            argument = field.getValue() == null || field.getValue().isMissingNode()
                    ? NullNode.getInstance()
                    : field.getValue();
        } else {
            throw new MatcherDefinitionException("an expectation must be a map with exactly one matcher name, "
                    + "such as {contains: refund}, but was " + describe(entry) + "; known matchers: "
                    + String.join(", ", names()));
        }
        MatcherFactory factory = factories.get(name);
        if (factory == null) {
            throw new MatcherDefinitionException(unknownMessage(name)).under(name);
        }
        Matcher matcher;
        try {
            matcher = factory.create(argument, context);
        } catch (MatcherDefinitionException e) {
            throw e.under(name, name);
        } catch (RuntimeException e) {
            throw new MatcherDefinitionException("the matcher failed to read its argument: " + e, e).under(name, name);
        }
        if (matcher == null) {
            throw new IllegalStateException(
                    "Matcher factory " + factory.getClass().getName() + " returned null");
        }
        return matcher;
    }

    private String unknownMessage(String name) {
        StringBuilder message =
                new StringBuilder("unknown matcher '").append(name).append('\'');
        closest(name)
                .ifPresent(s -> message.append(" (did you mean '").append(s).append("'?)"));
        return message.append("; known matchers: ")
                .append(String.join(", ", names()))
                .toString();
    }

    private Optional<String> closest(String name) {
        return ClosestName.to(name, factories.keySet());
    }

    private static String describe(JsonNode entry) {
        if (entry == null || entry.isNull() || entry.isMissingNode()) {
            return "empty";
        }
        if (entry.isObject()) {
            return entry.isEmpty() ? "an empty map" : "a map with " + entry.size() + " keys " + fieldNames(entry);
        }
        return entry.isArray() ? "a list" : "the value " + entry;
    }

    private static String fieldNames(JsonNode entry) {
        Set<String> names = new TreeSet<>();
        entry.fieldNames().forEachRemaining(names::add);
        return names.toString() + " (write one list item per matcher, or combine them with all:)";
    }
}
