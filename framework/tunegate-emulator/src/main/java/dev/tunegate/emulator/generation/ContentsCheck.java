package dev.tunegate.emulator.generation;

import static dev.tunegate.emulator.generation.RequestFieldError.abbreviate;
import static dev.tunegate.emulator.generation.RequestFieldError.bad;

import dev.tunegate.client.model.Blob;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.Part;
import java.util.Base64;
import java.util.Set;

/** Checks the {@code contents} and {@code systemInstruction} of a request: roles, and each part's one kind. */
final class ContentsCheck {
    private static final Set<String> ROLES = Set.of("user", "model", "function");

    private ContentsCheck() {}

    /** Checks one content at {@code field}; a system instruction has no role check and text parts only. */
    static void content(String field, Content c, boolean system) {
        if (c == null) {
            throw bad(field, field + " must be an object with parts");
        }
        if (c.role() != null && !system && !ROLES.contains(c.role())) {
            throw bad(
                    field + ".role",
                    "Please use a valid role: user, model (or function); got '" + abbreviate(c.role()) + "'");
        }
        if (c.parts() == null || c.parts().isEmpty()) {
            throw bad(field + ".parts", "must include at least one parts field, which describes the content");
        }
        for (int i = 0; i < c.parts().size(); i++) {
            part(field + ".parts[" + i + "]", c.parts().get(i), system);
        }
    }

    private static void part(String pf, Part p, boolean system) {
        if (p == null) {
            throw bad(pf, pf + " must be an object");
        }
        if (system && p.text() == null) {
            throw bad(pf, "systemInstruction supports text parts only");
        }
        if (p.text() != null) {
            if (p.text().isEmpty()) {
                throw bad(
                        pf + ".text",
                        "Unable to submit request because it has an empty text parameter."
                                + " Add a value to the parameter and try again.");
            }
        } else if (p.inlineData() != null) {
            blob(pf + ".inlineData", p.inlineData());
        } else if (p.fileData() != null) {
            if (p.fileData().fileUri() == null || p.fileData().fileUri().isBlank()) {
                throw bad(pf + ".fileData.fileUri", "fileUri is required");
            }
        } else if (p.functionCall() != null) {
            if (p.functionCall().name() == null || p.functionCall().name().isBlank()) {
                throw bad(pf + ".functionCall.name", "name is required");
            }
            if (p.functionCall().args() != null && !p.functionCall().args().isObject()) {
                throw bad(pf + ".functionCall.args", "args must be a JSON object");
            }
        } else if (p.functionResponse() != null) {
            if (p.functionResponse().name() == null
                    || p.functionResponse().name().isBlank()) {
                throw bad(pf + ".functionResponse.name", "name is required");
            }
            if (p.functionResponse().response() != null
                    && !p.functionResponse().response().isObject()) {
                throw bad(pf + ".functionResponse.response", "response must be a JSON object");
            }
        } else if (p.executableCode() == null && p.codeExecutionResult() == null) {
            throw bad(
                    pf,
                    "a part must set one of text, inlineData, fileData, functionCall, functionResponse,"
                            + " executableCode or codeExecutionResult");
        }
    }

    private static void blob(String field, Blob b) {
        if (b.mimeType() == null || b.mimeType().isBlank()) {
            throw bad(field + ".mimeType", "mimeType is required");
        }
        if (b.data() == null || b.data().isEmpty()) {
            throw bad(field + ".data", "data is required (base64)");
        }
        try {
            Base64.getMimeDecoder().decode(b.data());
        } catch (IllegalArgumentException e) {
            try {
                Base64.getUrlDecoder().decode(b.data());
            } catch (IllegalArgumentException e2) {
                throw bad(field + ".data", "data is not valid base64");
            }
        }
    }
}
