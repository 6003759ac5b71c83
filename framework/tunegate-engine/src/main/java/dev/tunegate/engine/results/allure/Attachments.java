package dev.tunegate.engine.results.allure;

import io.qameta.allure.model.Attachment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Attachment files collected while results are built, written once they are complete. An attachment
 * with the same name, type and content as one already collected refers to that one's file (the
 * variants of a case often send the same request), so that no file is written twice.
 */
final class Attachments {

    private final List<Map.Entry<String, byte[]>> files = new ArrayList<>();
    private final Map<List<String>, String> sources = new HashMap<>();

    /** Creates an attachment reference and remembers its content under a fresh source name (or the earlier one's). */
    Attachment add(String name, String type, String extension, String content) {
        String source = sources.computeIfAbsent(List.of(name, type, extension, content), key -> {
            String fresh = UUID.randomUUID() + "-attachment." + extension;
            files.add(Map.entry(fresh, content.getBytes(StandardCharsets.UTF_8)));
            return fresh;
        });
        return new Attachment().setName(name).setType(type).setSource(source);
    }

    /** Source name and content of every attachment, in creation order. */
    List<Map.Entry<String, byte[]>> files() {
        return List.copyOf(files);
    }
}
