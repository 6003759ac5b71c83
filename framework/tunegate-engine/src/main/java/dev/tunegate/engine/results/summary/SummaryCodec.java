package dev.tunegate.engine.results.summary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import org.apiguardian.api.API;

/**
 * Writes and reads {@code summary.json} as a {@link SummaryDocument}. Writing streams through one
 * {@link JsonGenerator}: lists that build their elements when read are never held whole. Reading
 * ignores fields it does not know, so that a newer file stays readable.
 */
@API(status = API.Status.INTERNAL)
public final class SummaryCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SummaryCodec() {}

    /** Writes the document pretty-printed, ending with a newline; the writer is left open. */
    public static void write(SummaryDocument document, Writer out) throws IOException {
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            MAPPER.writeValue(g, document);
        }
        out.write("\n");
    }

    /** Reads a document; null when the text is JSON {@code null}. */
    public static SummaryDocument read(Reader in) throws IOException {
        return MAPPER.readValue(in, SummaryDocument.class);
    }
}
