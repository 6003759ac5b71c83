package dev.tunegate.engine.matchers;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A matcher entry in a suite is invalid (unknown matcher, bad argument, bad regular expression,
 * invalid JSON Schema, ...). Raised during discovery; the engine turns it into a discovery issue at
 * the entry's file position. {@link #pointer()} locates the problem inside the entry as a JSON
 * Pointer, e.g. {@code /all/1/regex} for the second child of an {@code all} entry.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class MatcherDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String detail;
    private final String matcher;
    private final String pointer;

    /** A problem with the argument as a whole, written for a suite author. */
    public MatcherDefinitionException(String detail) {
        this(detail, null, "", null);
    }

    /** A problem at {@code pointer} (a JSON Pointer relative to the argument, e.g. {@code /flags}). */
    public MatcherDefinitionException(String detail, String pointer) {
        this(detail, null, pointer, null);
    }

    /** A problem caused by {@code cause} (e.g. a {@code PatternSyntaxException}). */
    public MatcherDefinitionException(String detail, Throwable cause) {
        this(detail, null, "", cause);
    }

    private MatcherDefinitionException(String detail, String matcher, String pointer, Throwable cause) {
        super(detail, cause);
        this.detail = detail;
        this.matcher = matcher;
        this.pointer = pointer == null ? "" : pointer;
    }

    /** The problem without the location prefix. */
    public String detail() {
        return detail;
    }

    /** The name of the innermost matcher whose entry is invalid, when known. */
    public Optional<String> matcher() {
        return Optional.ofNullable(matcher);
    }

    /** Where in the expect entry the problem is, as a JSON Pointer; empty string for the entry itself. */
    public String pointer() {
        return pointer;
    }

    /** A copy located one level further out: {@code segment} is put in front of the pointer. */
    public MatcherDefinitionException under(String segment) {
        return under(segment, null);
    }

    /**
     * A copy located one level further out: {@code segment} (an object key or array index) is put in
     * front of the pointer, and the matcher name is set if it was not known yet.
     */
    public MatcherDefinitionException under(String segment, String matcherName) {
        String escaped = segment.replace("~", "~0").replace("/", "~1");
        MatcherDefinitionException copy = new MatcherDefinitionException(
                detail, matcher == null ? matcherName : matcher, "/" + escaped + pointer, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** For example {@code regex: not a valid regular expression ... (at /all/0/regex)}. */
    @Override
    public String getMessage() {
        StringBuilder message = new StringBuilder();
        if (matcher != null) {
            message.append(matcher).append(": ");
        }
        message.append(detail);
        if (!pointer.isEmpty()) {
            message.append(" (at ").append(pointer).append(')');
        }
        return message.toString();
    }
}
