package dev.tunegate.engine.matchers.builtin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A cheap look at a regular expression for the shapes that backtrack catastrophically: a repeated
 * group that itself contains an unbounded quantifier ({@code (a+)+}, {@code (.*a){25}}) and a repeated
 * alternation whose literal alternatives overlap ({@code (a|aa)*}). It reads the pattern once and does
 * not prove anything: it finds the common cases (a warning at discovery) and misses others, which the
 * time limit of matchers ({@code tunegate.matcher.timeout}) still stops.
 */
@API(status = API.Status.INTERNAL)
public final class RegexRisk {
    /** A bounded repeat of a group with an unbounded quantifier inside is reported from this count. */
    static final int RISKY_REPEAT = 10;

    private RegexRisk() {}

    /** The risky part of the pattern and why, or empty when the cheap check finds nothing. */
    public static Optional<String> of(String pattern) {
        Deque<Group> groups = new ArrayDeque<>();
        groups.push(new Group(0, false));
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
                i = quantified(pattern, end, group);
            } else if (c == '[') {
                i = quantified(pattern, classEnd(pattern, i), group);
                group.literal = null;
            } else if (c == '(') {
                boolean atomic = pattern.startsWith("(?>", i);
                groups.push(new Group(i, atomic));
                i = groupBodyStart(pattern, i);
            } else if (c == ')' && groups.size() > 1) {
                Group closed = groups.pop();
                closed.endAlternative();
                Group parent = groups.peek();
                parent.literal = null;
                int after = i + 1;
                Quantifier q = Quantifier.at(pattern, after);
                if (q != null && !closed.atomic && !q.possessive) {
                    String part = pattern.substring(closed.start, after + q.length);
                    if (closed.innerUnbounded && (q.unbounded || q.max >= RISKY_REPEAT)) {
                        return Optional.of("the repeated group " + part + " contains a quantifier that is unbounded too"
                                + " (nested quantifiers)");
                    }
                    if (q.unbounded && closed.overlappingAlternatives()) {
                        return Optional.of("the repeated group " + part + " has alternatives that match the same text");
                    }
                }
                if (closed.innerUnbounded || (q != null && q.unbounded && !q.possessive)) {
                    parent.innerUnbounded = true;
                }
                i = after + (q == null ? 0 : q.length);
            } else if (c == '|') {
                group.endAlternative();
                group.literal = new StringBuilder();
                i++;
            } else if (c == '.' || c == '^' || c == '$') {
                group.literal = null;
                i = quantified(pattern, i + 1, group);
            } else {
                if (group.literal != null) {
                    group.literal.append(c);
                }
                i = quantified(pattern, i + 1, group);
            }
        }
        return Optional.empty();
    }

    /** Notes a quantifier after an atom that ends at {@code end}; returns the index after it. */
    private static int quantified(String pattern, int end, Group group) {
        Quantifier q = Quantifier.at(pattern, end);
        if (q == null) {
            return end;
        }
        group.literal = null;
        if (q.unbounded && !q.possessive) {
            group.innerUnbounded = true;
        }
        return end + q.length;
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
        final boolean atomic;
        boolean innerUnbounded;
        StringBuilder literal = new StringBuilder();
        final List<String> alternatives = new ArrayList<>();
        boolean nonLiteralAlternative;

        Group(int start, boolean atomic) {
            this.start = start;
            this.atomic = atomic;
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
