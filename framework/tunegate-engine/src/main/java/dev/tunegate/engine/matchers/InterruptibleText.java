package dev.tunegate.engine.matchers;

/**
 * The answer text for a regular expression, which stops when its thread is interrupted. Java's regex
 * engine never checks the interrupt flag itself, so a pattern that backtracks catastrophically would
 * keep its thread busy forever; it does read the text through {@link #charAt} all the time, which
 * checks the flag every few thousand reads and then throws.
 */
final class InterruptibleText implements CharSequence {
    private static final int CHECK_EVERY = 4096;

    private final String text;
    private int reads;

    InterruptibleText(String text) {
        this.text = text;
    }

    @Override
    public char charAt(int index) {
        if (++reads >= CHECK_EVERY) {
            reads = 0;
            if (Thread.currentThread().isInterrupted()) {
                throw new MatcherInterruptedException();
            }
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new InterruptibleText(text.substring(start, end));
    }

    @Override
    public String toString() {
        return text;
    }

    /** Thrown inside a regular expression whose thread was interrupted (its time limit passed). */
    static final class MatcherInterruptedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MatcherInterruptedException() {
            super("the regular expression was interrupted (its time limit passed)", null, false, false);
        }
    }
}
