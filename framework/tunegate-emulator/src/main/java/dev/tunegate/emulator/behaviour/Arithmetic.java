package dev.tunegate.emulator.behaviour;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an arithmetic expression in a question ("What is 12 * (3 + 4)?", "17 times 3", "10 divided by
 * 4", "2^10", "square root of 81") and evaluates it with + - * / ^ and parentheses.
 */
final class Arithmetic {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern OPERATOR = Pattern.compile("(?<=[\\d)])([-+*/^])");
    private static final Pattern HAS_DIGIT = Pattern.compile("\\d");
    private static final Pattern PLUS = Pattern.compile("\\bplus\\b");
    private static final Pattern MINUS = Pattern.compile("\\bminus\\b");
    private static final Pattern TIMES = Pattern.compile("\\btimes\\b");
    private static final Pattern X_TIMES = Pattern.compile("(?<=\\d)\\s*x\\s*(?=\\d)");
    private static final Pattern THOUSANDS = Pattern.compile("(\\d),(\\d{3})");
    private static final Pattern SQRT = Pattern.compile("square root of (-?\\d+(?:\\.\\d+)?)");
    private static final Pattern EXPRESSION =
            Pattern.compile("[-(]*\\s*\\d+(?:\\.\\d+)?(?:\\s*[-+*/^()]+\\s*[-(]*\\s*\\d+(?:\\.\\d+)?\\)*)+\\)*");

    private Arithmetic() {}

    /** "expression = result" for the first expression in {@code question}, or null. */
    static String answer(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        if (!HAS_DIGIT.matcher(q).find()) {
            return null;
        }
        q = q.replace("multiplied by", "*")
                .replace("divided by", "/")
                .replace("to the power of", "^")
                .replace("×", "*")
                .replace("÷", "/")
                .replace("−", "-");
        q = PLUS.matcher(q).replaceAll("+");
        q = MINUS.matcher(q).replaceAll("-");
        q = TIMES.matcher(q).replaceAll("*");
        q = X_TIMES.matcher(q).replaceAll(" * ");
        q = THOUSANDS.matcher(q).replaceAll("$1$2");
        Matcher sqrt = SQRT.matcher(q);
        if (sqrt.find()) {
            double v = Double.parseDouble(sqrt.group(1));
            if (v < 0) {
                return "The square root of " + sqrt.group(1) + " is not a real number.";
            }
            return "The square root of " + sqrt.group(1) + " is " + format(Math.sqrt(v)) + ".";
        }
        Matcher m = EXPRESSION.matcher(q);
        while (m.find()) {
            String expr = m.group().strip();
            try {
                Parser p = new Parser(expr);
                double value = p.parse();
                String shown =
                        OPERATOR.matcher(SPACES.matcher(expr).replaceAll("")).replaceAll(" $1 ");
                if (Double.isInfinite(value) || Double.isNaN(value)) {
                    return shown + " is undefined (division by zero).";
                }
                return shown + " = " + format(value);
            } catch (IllegalArgumentException e) {
                // not a well-formed expression; look for the next one
            }
        }
        return null;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Recursive-descent parser: expr = term (('+'|'-') term)*; term = factor (('*'|'/') factor)*; factor = unary ('^' factor)?. */
    private static final class Parser {
        private final String s;
        private int pos;
        private int operators;

        Parser(String s) {
            this.s = SPACES.matcher(s).replaceAll("");
        }

        double parse() {
            double v = expr();
            if (pos != s.length() || operators == 0) {
                throw new IllegalArgumentException("not an expression");
            }
            return v;
        }

        private double expr() {
            double v = term();
            while (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                char op = s.charAt(pos++);
                operators++;
                double r = term();
                v = op == '+' ? v + r : v - r;
            }
            return v;
        }

        private double term() {
            double v = power();
            while (pos < s.length() && (s.charAt(pos) == '*' || s.charAt(pos) == '/')) {
                char op = s.charAt(pos++);
                operators++;
                double r = power();
                v = op == '*' ? v * r : v / r;
            }
            return v;
        }

        private double power() {
            double base = unary();
            if (pos < s.length() && s.charAt(pos) == '^') {
                pos++;
                operators++;
                return Math.pow(base, power());
            }
            return base;
        }

        private double unary() {
            if (pos < s.length() && s.charAt(pos) == '-') {
                pos++;
                return -unary();
            }
            if (pos < s.length() && s.charAt(pos) == '(') {
                pos++;
                double v = expr();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw new IllegalArgumentException("unbalanced");
                }
                pos++;
                return v;
            }
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("number expected");
            }
            return Double.parseDouble(s.substring(start, pos));
        }
    }
}
