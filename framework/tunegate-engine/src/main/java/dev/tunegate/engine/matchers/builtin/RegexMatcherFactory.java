package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * {@code regex}: some part of the answer text matches the Java regular expression (use {@code ^...$}
 * to match the whole text). Object form {@code {pattern: ..., flags: imsxu}}: i = ignore case,
 * m = multiline, s = dot matches newlines, x = comments, u = Unicode case.
 */
@API(status = API.Status.INTERNAL)
public final class RegexMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "regex";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        String pattern;
        String flags = "";
        String patternPointer = "";
        if (argument.isObject()) {
            Args.onlyKeys(argument, "regex", "pattern", "flags");
            patternPointer = "/pattern";
            pattern = Args.nonEmptyText(argument.get("pattern"), "pattern", patternPointer);
            if (argument.has("flags")) {
                flags = Args.text(argument.get("flags"), "flags", "/flags");
            }
        } else if (Args.absent(argument) || argument.isArray()) {
            throw new MatcherDefinitionException(
                    "regex needs a regular expression, e.g. regex: '^\\{.*\\}$', or " + "{pattern: ..., flags: i}");
        } else {
            pattern = Args.nonEmptyText(argument, "the regular expression", "");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern, flags(flags));
        } catch (PatternSyntaxException e) {
            throw new MatcherDefinitionException(
                    "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex() + " in "
                            + Args.quote(pattern),
                    patternPointer);
        }
        return new CheckMatcher("regex /" + pattern + "/" + flags, a -> a.textMatches(compiled));
    }

    private static int flags(String letters) {
        int flags = 0;
        for (char c : letters.toCharArray()) {
            flags |= switch (c) {
                case 'i' -> Pattern.CASE_INSENSITIVE;
                case 'm' -> Pattern.MULTILINE;
                case 's' -> Pattern.DOTALL;
                case 'x' -> Pattern.COMMENTS;
                case 'u' -> Pattern.UNICODE_CASE;
                default ->
                    throw new MatcherDefinitionException(
                            "unknown flag '" + c
                                    + "'; allowed flags: i (ignore case), m (multiline), s (dot matches newline), x (comments), u (Unicode case)",
                            "/flags");
            };
        }
        return flags;
    }
}
