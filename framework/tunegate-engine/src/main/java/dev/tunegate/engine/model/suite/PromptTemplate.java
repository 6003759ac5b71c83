package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.ValueCode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code {{var}}} templating of prompts through mustache.java, with HTML escaping switched off (a
 * prompt is plain text, so {@code <} and {@code &} must reach the model unchanged).
 */
@API(status = API.Status.INTERNAL)
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

        /** Partials would read files (from the working directory or the classpath) into prompts: refused. */
        @Override
        public Mustache compilePartial(String name) {
            throw new MustacheException(PARTIALS_REFUSED.replace("NAME", name));
        }
    };

    private static final String PARTIALS_REFUSED =
            "the template uses the partial {{> NAME}}; partials are not supported in prompts"
                    + " (put the text in a var, or in the prompt itself)";
    private static final java.util.regex.Pattern PARTIAL =
            java.util.regex.Pattern.compile("\\{\\{\\s*[>+]\\s*([^}]*?)\\s*}}");

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
        java.util.regex.Matcher partial = PARTIAL.matcher(template);
        if (partial.find()) {
            throw new IllegalArgumentException(PARTIALS_REFUSED.replace("NAME", partial.group(1)));
        }
        try {
            return new PromptTemplate(template, FACTORY.compile(new StringReader(template), "prompt"));
        } catch (MustacheException e) {
            throw new IllegalArgumentException("bad template: " + e.getMessage(), e);
        }
    }

    /**
     * A variable the template uses that the case's variables do not provide.
     *
     * @param name     the variable (the first dotted segment of the tag's name)
     * @param tag      the tag that uses it: {@code {{name}}}, {@code {{#name}}} or {@code {{^name}}}
     * @param sections the opening tags of the sections around it, outermost first (empty at top level)
     */
    public record Undefined(String name, String tag, List<String> sections) {

        public Undefined {
            sections = List.copyOf(sections);
        }
    }

    /**
     * The variables the template uses that {@code vars} (the case's variables, a JSON object) cannot
     * provide, in template order, following mustache's lookup: a value tag and the name of a section or
     * inverted section must be a variable; a name inside a section resolves against the section's
     * value first (the mapping, or any item of a list of mappings), then against the enclosing scopes.
     * Where mustache.java could resolve a name against something else — inside a section whose value
     * is a string or number (whose Java methods it calls), a list of non-mappings, a dotted name, or a
     * section that does not render for these variables — nothing inside is reported.
     */
    public List<Undefined> undefined(JsonNode vars) {
        List<Undefined> undefined = new ArrayList<>();
        if (mustache != null) {
            check(mustache.getCodes(), List.of(new Scope(List.of(vars))), List.of(), undefined);
        }
        return undefined;
    }

    /**
     * One level of mustache's context stack: the mappings it may be (any one of them, for a list
     * section), or {@code null} when names may resolve against something we cannot see.
     */
    private record Scope(List<JsonNode> alternatives) {

        static final Scope UNKNOWN = new Scope(null);
    }

    /** What a name resolves to: nothing, the values it may have, or {@code null} values when that is unknown. */
    private record Lookup(boolean missing, List<JsonNode> values) {

        static final Lookup MISSING = new Lookup(true, List.of());
        static final Lookup UNKNOWN = new Lookup(false, null);
    }

    private static void check(Code[] codes, List<Scope> scopes, List<String> sections, List<Undefined> undefined) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            String name = code.getName();
            if (name == null) {
                continue;
            }
            if (code instanceof ValueCode) {
                if (lookup(name, scopes).missing()) {
                    undefined.add(new Undefined(firstSegment(name), "{{" + name + "}}", sections));
                }
            } else if (code instanceof IterableCode) {
                // NotIterableCode ({{^name}}) extends IterableCode ({{#name}}).
                boolean inverted = code instanceof NotIterableCode;
                String tag = "{{" + (inverted ? "^" : "#") + name + "}}";
                Lookup section = lookup(name, scopes);
                if (section.missing()) {
                    undefined.add(new Undefined(firstSegment(name), tag, sections));
                }
                List<String> inside = new ArrayList<>(sections);
                inside.add(tag);
                if (inverted) {
                    // An inverted section renders in the enclosing context.
                    check(code.getCodes(), scopes, inside, undefined);
                } else if (!section.missing()) {
                    List<Scope> inner = new ArrayList<>(scopes.size() + 1);
                    inner.add(scopeOf(section.values()));
                    inner.addAll(scopes);
                    check(code.getCodes(), inner, inside, undefined);
                }
            }
            // Comments, text, partials and template inheritance: nothing to check.
        }
    }

    /** Looks {@code name} up in {@code scopes} (innermost first) as mustache does. */
    private static Lookup lookup(String name, List<Scope> scopes) {
        if (name.equals(".")) {
            return Lookup.UNKNOWN;
        }
        String first = firstSegment(name);
        List<JsonNode> values = new ArrayList<>();
        for (Scope scope : scopes) {
            if (scope.alternatives() == null) {
                return Lookup.UNKNOWN;
            }
            int hits = 0;
            for (JsonNode alternative : scope.alternatives()) {
                if (alternative.has(first)) {
                    hits++;
                    values.add(alternative.get(first));
                }
            }
            if (hits > 0 && hits == scope.alternatives().size()) {
                break;
            }
            // Alternatives without the name look further out.
        }
        if (values.isEmpty()) {
            return Lookup.MISSING;
        }
        return first.equals(name) ? new Lookup(false, values) : Lookup.UNKNOWN;
    }

    /** The context a section pushes for each of the values its name may have. */
    private static Scope scopeOf(List<JsonNode> values) {
        if (values == null) {
            return Scope.UNKNOWN;
        }
        List<JsonNode> alternatives = new ArrayList<>();
        boolean renders = false;
        for (JsonNode value : values) {
            if (value.isObject()) {
                alternatives.add(value);
                renders = true;
            } else if (value.isArray()) {
                for (JsonNode item : value) {
                    if (!item.isObject()) {
                        return Scope.UNKNOWN;
                    }
                    alternatives.add(item);
                    renders = true;
                }
            } else if (value.isBoolean()) {
                renders |= value.booleanValue();
            } else if (!value.isNull()
                    && !(value.isTextual() && value.textValue().isEmpty())) {
                return Scope.UNKNOWN;
            }
        }
        // A section that never renders for these variables cannot fail to render.
        return renders ? new Scope(alternatives) : Scope.UNKNOWN;
    }

    private static String firstSegment(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
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
