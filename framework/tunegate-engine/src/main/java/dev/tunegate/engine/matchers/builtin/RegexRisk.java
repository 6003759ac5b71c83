package dev.tunegate.engine.matchers.builtin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * A cheap look at a regular expression for the shapes that backtrack catastrophically: a repeated
 * group that itself contains an unbounded quantifier ({@code (a+)+}, {@code (.*a){25}}) and a repeated
 * alternation whose literal alternatives overlap ({@code (a|aa)*}). It reads the pattern once and does
 * not prove anything: it finds the common cases (a warning at discovery) and misses others, which the
 * time limit of matchers ({@code tunegate.matcher.timeout}) still stops. A repeated group that starts or ends
 * with a literal character none of its unbounded atoms can match ({@code (?: [A-Z]+){31}}, {@code ([a-z]+,)*})
 * is delimited: each repetition can only end where the delimiter stands, so it does not backtrack
 * catastrophically and is not reported.
 */
@API(status = API.Status.INTERNAL)
public final class RegexRisk {
    private static final int LOOSEST = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;
    /** An inline flag group that turns on comments mode, where white space is no literal. */
    private static final Pattern COMMENTS_FLAG = Pattern.compile("\\(\\?[a-zA-Z]*x");

    /** A bounded repeat of a group with an unbounded quantifier inside is reported from this count. */
    static final int RISKY_REPEAT = 10;

    private RegexRisk() {}

    /** The risky part of the pattern and why, or empty when the cheap check finds nothing. */
    public static Optional<String> of(String pattern) {
        Deque<Group> groups = new ArrayDeque<>();
        groups.push(new Group(0, 0, false));
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            Group group = groups.peek();
            if (c == '\\') {
                int end = Math.min(n, i + 2);
                if (i + 1 < n && pattern.charAt(i + 1) == 'Q') {
                    int quoted = pattern.indexOf("\\E", i + 2);
                    end = quoted < 0 ? n : quoted + 2;
                    group.literal = null;
                } else if (group.literal != null && i + 1 < n && !Character.isLetterOrDigit(pattern.charAt(i + 1))) {
                    group.literal.append(pattern.charAt(i + 1));
                } else {
                    group.literal = null;
                }
                i = quantified(pattern, i, end, group);
            } else if (c == '[') {
                i = quantified(pattern, i, classEnd(pattern, i), group);
                group.literal = null;
            } else if (c == '(') {
                boolean atomic = pattern.startsWith("(?>", i);
                int body = groupBodyStart(pattern, i);
                groups.push(new Group(i, body, atomic));
                i = body;
            } else if (c == ')' && groups.size() > 1) {
                Group closed = groups.pop();
                closed.endAlternative();
                Group parent = groups.peek();
                parent.literal = null;
                int after = i + 1;
                Quantifier q = Quantifier.at(pattern, after);
                if (q != null && !closed.atomic && !q.possessive) {
                    String part = pattern.substring(closed.start, after + q.length);
                    if (closed.innerUnbounded
                            && (q.unbounded || q.max >= RISKY_REPEAT)
                            && !closed.delimited(pattern, i)) {
                        return Optional.of("the repeated group " + part + " contains a quantifier that is unbounded too"
                                + " (nested quantifiers)");
                    }
                    if (q.unbounded && closed.overlappingAlternatives()) {
                        return Optional.of("the repeated group " + part + " has alternatives that match the same text");
                    }
                }
                if (closed.innerUnbounded || (q != null && q.unbounded && !q.possessive)) {
                    parent.innerUnbounded = true;
                    parent.unboundedGroup = true;
                }
                i = after + (q == null ? 0 : q.length);
            } else if (c == '|') {
                group.alternation = true;
                group.endAlternative();
                group.literal = new StringBuilder();
                i++;
            } else if (c == '.' || c == '^' || c == '$') {
                group.literal = null;
                i = quantified(pattern, i, i + 1, group);
            } else {
                if (group.literal != null) {
                    group.literal.append(c);
                }
                i = quantified(pattern, i, i + 1, group);
            }
        }
        return Optional.empty();
    }

    /** Notes a quantifier after the atom from {@code start} to {@code end}; returns the index after it. */
    private static int quantified(String pattern, int start, int end, Group group) {
        Quantifier q = Quantifier.at(pattern, end);
        if (q == null) {
            return end;
        }
        group.literal = null;
        if (q.unbounded && !q.possessive) {
            group.innerUnbounded = true;
            group.unboundedAtoms.add(pattern.substring(start, end));
        }
        return end + q.length;
    }

    /**
     * The mandatory literal character at {@code at} (plain, or an escaped punctuation character) that is not
     * itself quantified, or -1.
     */
    private static int literalAt(String pattern, int at, int end) {
        if (at < 0 || at >= end) {
            return -1;
        }
        char c = pattern.charAt(at);
        int next = at + 1;
        if (c == '\\') {
            if (at + 1 >= end || Character.isLetterOrDigit(pattern.charAt(at + 1))) {
                return -1;
            }
            c = pattern.charAt(at + 1);
            next = at + 2;
        } else if ("[](){}.*+?^$|".indexOf(c) >= 0) {
            return -1;
        }
        return next < end && "*+?{".indexOf(pattern.charAt(next)) >= 0 ? -1 : c;
    }

    private static int classEnd(String pattern, int open) {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && i > open + 1 && !(i == open + 2 && pattern.charAt(open + 1) == '^')) {
                if (--depth == 0) {
                    return i + 1;
                }
            }
        }
        return pattern.length();
    }

    private static int groupBodyStart(String pattern, int open) {
        if (!pattern.startsWith("(?", open)) {
            return open + 1;
        }
        if (pattern.startsWith("(?<", open)
                && open + 3 < pattern.length()
                && Character.isLetter(pattern.charAt(open + 3))) {
            int close = pattern.indexOf('>', open);
            return close < 0 ? pattern.length() : close + 1;
        }
        for (int i = open + 2; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == ':' || c == '>' || c == '=' || c == '!' || c == ')') {
                return c == ')' ? i : i + 1;
            }
        }
        return pattern.length();
    }

    private static final class Group {
        final int start;
        final int bodyStart;
        final boolean atomic;
        boolean innerUnbounded;
        boolean unboundedGroup;
        boolean alternation;
        final List<String> unboundedAtoms = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        final List<String> alternatives = new ArrayList<>();
        boolean nonLiteralAlternative;

        Group(int start, int bodyStart, boolean atomic) {
            this.start = start;
            this.bodyStart = bodyStart;
            this.atomic = atomic;
        }

        /**
         * Whether the group, whose body ends at {@code close}, starts or ends with a literal character that
         * none of its unbounded atoms can match (and has no alternation and no unbounded group inside).
         */
        boolean delimited(String pattern, int close) {
            if (alternation
                    || unboundedGroup
                    || unboundedAtoms.isEmpty()
                    || COMMENTS_FLAG.matcher(pattern).find()) {
                return false;
            }
            int first = literalAt(pattern, bodyStart, close);
            int last = close >= 2 && pattern.charAt(close - 2) == '\\'
                    ? literalAt(pattern, close - 2, close)
                    : literalAt(pattern, close - 1, close);
            return excludedByEveryAtom(first) || excludedByEveryAtom(last);
        }

        private boolean excludedByEveryAtom(int delimiter) {
            if (delimiter < 0) {
                return false;
            }
            String text = String.valueOf((char) delimiter);
            for (String atom : unboundedAtoms) {
                try {
                    // case-insensitive and dot-all whatever the pattern's flags: an atom that might match is kept risky
                    if (Pattern.compile(atom, LOOSEST).matcher(text).matches()) {
                        return false;
                    }
                } catch (PatternSyntaxException e) {
                    return false;
                }
            }
            return true;
        }

        void endAlternative() {
            if (literal == null) {
                nonLiteralAlternative = true;
            } else {
                alternatives.add(literal.toString());
            }
            literal = null;
        }

        /** Two literal alternatives of which one starts with the other, e.g. a|aa. */
        boolean overlappingAlternatives() {
            for (int a = 0; a < alternatives.size(); a++) {
                for (int b = 0; b < alternatives.size(); b++) {
                    if (a != b && alternatives.get(b).startsWith(alternatives.get(a))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private record Quantifier(int length, boolean unbounded, long max, boolean possessive) {
        static Quantifier at(String pattern, int i) {
            if (i >= pattern.length()) {
                return null;
            }
            char c = pattern.charAt(i);
            int length;
            boolean unbounded;
            long max;
            if (c == '*' || c == '+') {
                length = 1;
                unbounded = true;
                max = Long.MAX_VALUE;
            } else if (c == '?') {
                length = 1;
                unbounded = false;
                max = 1;
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close < 0 || !pattern.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
                    return null;
                }
                String[] bounds = pattern.substring(i + 1, close).split(",", -1);
                length = close - i + 1;
                unbounded = bounds.length == 2 && bounds[1].isEmpty();
                max = unbounded ? Long.MAX_VALUE : parse(bounds[bounds.length - 1]);
            } else {
                return null;
            }
            boolean possessive = false;
            if (i + length < pattern.length()) {
                char mode = pattern.charAt(i + length);
                if (mode == '+') {
                    possessive = true;
                    length++;
                } else if (mode == '?') {
                    length++;
                }
            }
            return new Quantifier(length, unbounded, max, possessive);
        }

        private static long parse(String digits) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
    }
}
