package dev.tunegate.engine.suite;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.codes.ValueCode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code {{var}}} templating of prompts through mustache.java, with HTML escaping switched off (a
 * prompt is plain text, so {@code <} and {@code &} must reach the model unchanged).
 */
public final class PromptTemplate {

    private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final String text;
    private final Mustache mustache;

    private PromptTemplate(String text, Mustache mustache) {
        this.text = text;
        this.mustache = mustache;
    }

    /** Compiles a template; a syntax error becomes an {@link IllegalArgumentException} with its reason. */
    public static PromptTemplate compile(String template) {
        if (!template.contains("{{")) {
            return new PromptTemplate(template, null);
        }
        try {
            return new PromptTemplate(template, FACTORY.compile(new StringReader(template), "prompt"));
        } catch (MustacheException e) {
            throw new IllegalArgumentException("bad template: " + e.getMessage(), e);
        }
    }

    /** Top-level variable names the template uses (their first dotted segment). */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        if (mustache != null) {
            for (Code code : mustache.getCodes()) {
                if (code instanceof ValueCode && code.getName() != null) {
                    String name = code.getName();
                    int dot = name.indexOf('.');
                    names.add(dot > 0 ? name.substring(0, dot) : name);
                }
            }
        }
        return names;
    }

    /** Renders the template with these variables (values as plain Java objects: strings, numbers, maps, lists). */
    public String render(Map<String, Object> vars) {
        if (mustache == null) {
            return text;
        }
        StringWriter out = new StringWriter(text.length() + 64);
        mustache.execute(out, vars);
        return out.toString();
    }
}
