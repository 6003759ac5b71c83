package dev.tunegate.engine.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunegate.engine.matchers.thirdparty.ShoutingMatcherFactory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatcherRegistryTest extends MatcherTestSupport {

    @Test
    void loadsEveryBuiltInThroughTheServiceLoader() {
        assertThat(REGISTRY.names())
                .contains(
                        "equals",
                        "contains",
                        "icontains",
                        "regex",
                        "isJson",
                        "jsonSchema",
                        "safety",
                        "finishReason",
                        "latency",
                        "tokens",
                        "not",
                        "all",
                        "any");
    }

    @Test
    void loadsAThirdPartyFactoryRegisteredInTestSources() {
        assertThat(REGISTRY.factory("shouts")).get().isInstanceOf(ShoutingMatcherFactory.class);
        Matcher shouts = matcher("shouts: 2");
        assertThat(failure(shouts, answer("HELLO!!"))).isNull();
        assertThat(failure(shouts, answer("hello!")).getMessage()).startsWith("[shouts 2]");
        // and it combines with the built-ins
        assertThat(failure(matcher("not: {shouts: 1}"), answer("calm."))).isNull();
    }

    @Test
    void unknownMatcherListsKnownOnesAndSuggestsTheClosest() {
        MatcherDefinitionException error = definitionError("contians: refund");
        assertThat(error.getMessage())
                .startsWith(
                        "unknown matcher 'contians' (did you mean 'contains'?); known matchers: all, any, contains,")
                .contains("jsonSchema");
        assertThat(error.pointer()).isEqualTo("/contians");
        assertThat(definitionError("jsonschema: {}").getMessage()).contains("did you mean 'jsonSchema'?");
        assertThat(definitionError("completelyDifferent: 1").getMessage()).doesNotContain("did you mean");
    }

    @Test
    void anEntryIsOneKeyMapOrABareName() {
        assertThat(definitionError("{contains: a, regex: b}").getMessage())
                .contains("exactly one matcher name")
                .contains("[contains, regex]");
        assertThat(definitionError("{}").getMessage()).contains("an empty map");
        assertThat(definitionError("[contains]").getMessage()).contains("a list");
        assertThat(definitionError("42").getMessage()).contains("the value 42");
        assertThat(matcher("isJson").description()).isEqualTo("isJson");
    }

    @Test
    void duplicateNamesAreRefused() {
        assertThatThrownBy(
                        () -> MatcherRegistry.of(List.of(new ShoutingMatcherFactory(), new ShoutingMatcherFactory())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two matcher factories claim the name 'shouts'")
                .hasMessageContaining(ShoutingMatcherFactory.class.getName());
    }

    @Test
    void duplicateNamesFromTheServiceLoaderAreRefused(@org.junit.jupiter.api.io.TempDir Path extra) throws IOException {
        Path services = Files.createDirectories(extra.resolve("META-INF/services"));
        Files.writeString(
                services.resolve(MatcherFactory.class.getName()),
                "dev.tunegate.engine.matchers.thirdparty.ImpostorContainsFactory\n");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {extra.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> MatcherRegistry.load(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'contains'")
                    .hasMessageContaining("ContainsMatcherFactory")
                    .hasMessageContaining("ImpostorContainsFactory");
        }
    }

    @Test
    void aBrokenProviderIsReportedClearly(@org.junit.jupiter.api.io.TempDir Path extra) throws IOException {
        Path services = Files.createDirectories(extra.resolve("META-INF/services"));
        Files.writeString(services.resolve(MatcherFactory.class.getName()), "com.example.Missing\n");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {extra.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> MatcherRegistry.load(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not be loaded")
                    .hasMessageContaining("com.example.Missing");
        }
    }

    @Test
    void invalidNamesAreRefused() {
        MatcherFactory spaced = new MatcherFactory() {
            @Override
            public String name() {
                return "has space";
            }

            @Override
            public Matcher create(com.fasterxml.jackson.databind.JsonNode argument, MatcherContext context) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> MatcherRegistry.of(List.of(spaced))).hasMessageContaining("invalid name 'has space'");
    }

    @Test
    void aFactoryThatCrashesBecomesADefinitionError() {
        MatcherRegistry registry = MatcherRegistry.of(List.of(new MatcherFactory() {
            @Override
            public String name() {
                return "crashy";
            }

            @Override
            public Matcher create(com.fasterxml.jackson.databind.JsonNode argument, MatcherContext context) {
                throw new NullPointerException("oops");
            }
        }));
        MatcherContext ctx = MatcherContext.of(context.suiteDirectory(), context.projectRoot(), registry);
        assertThatThrownBy(() -> registry.create(yaml("crashy: 1"), ctx))
                .isInstanceOf(MatcherDefinitionException.class)
                .hasMessageContaining("crashy: the matcher failed to read its argument")
                .hasMessageContaining("oops");
    }

    @Test
    void contextRefusesSuitesOutsideTheRoot() {
        assertThatThrownBy(() -> MatcherContext.of(projectRoot.getParent(), projectRoot, REGISTRY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the project root");
    }
}
