package dev.tunegate.engine.allure;

import io.qameta.allure.model.Attachment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Attachment files collected while a result is built, written once the result is complete. */
final class Attachments {

    private final List<Map.Entry<String, byte[]>> files = new ArrayList<>();

    /** Creates an attachment reference and remembers its content under a fresh source name. */
    Attachment add(String name, String type, String extension, String content) {
        String source = UUID.randomUUID() + "-attachment." + extension;
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        files.add(Map.entry(source, bytes));
        return new Attachment().setName(name).setType(type).setSource(source);
    }

    /** Source name and content of every attachment, in creation order. */
    List<Map.Entry<String, byte[]>> files() {
        return List.copyOf(files);
    }
}
