package dev.tunegate.engine.model.suite;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of the files a suite is made of: a byte sequence that is not UTF-8 is a
 * problem at its line and column instead of a U+FFFD silently sent to the model.
 */
final class Utf8Text {

    private Utf8Text() {}

    /** The text of {@code bytes}; a problem in {@code file} at the first invalid byte otherwise. */
    static String decode(URI file, byte[] bytes) throws SuiteException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            out.flip();
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new SuiteException(new SuiteProblem(
                    file,
                    new SourcePosition(line, column),
                    "the file is not valid UTF-8 (byte offset " + in.position() + "); save it as UTF-8"));
        }
        out.flip();
        return out.toString();
    }
}
