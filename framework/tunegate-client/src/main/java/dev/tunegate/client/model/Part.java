package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;

/**
 * One piece of a {@link Content}. Union {@code data}: at most one of text, inlineData, fileData,
 * functionCall, functionResponse, executableCode, codeExecutionResult is set.
 */
@API(status = API.Status.EXPERIMENTAL)
public record Part(
        String text,
        @JsonAlias("inline_data") Blob inlineData,
        @JsonAlias("file_data") FileData fileData,
        @JsonAlias("function_call") FunctionCall functionCall,
        @JsonAlias("function_response") FunctionResponse functionResponse,
        @JsonAlias("executable_code") ExecutableCode executableCode,
        @JsonAlias("code_execution_result") CodeExecutionResult codeExecutionResult) {
    public Part {
        Unions.atMostOne(
                "Part",
                "data",
                "text",
                text,
                "inlineData",
                inlineData,
                "fileData",
                fileData,
                "functionCall",
                functionCall,
                "functionResponse",
                functionResponse,
                "executableCode",
                executableCode,
                "codeExecutionResult",
                codeExecutionResult);
    }

    /** A text part. */
    public static Part text(String text) {
        return new Part(text, null, null, null, null, null, null);
    }

    /** An inline-data part. */
    public static Part inlineData(String mimeType, byte[] bytes) {
        return new Part(null, Blob.of(mimeType, bytes), null, null, null, null, null);
    }

    /** A file-reference part. */
    public static Part fileData(String mimeType, String fileUri) {
        return new Part(null, null, new FileData(mimeType, fileUri), null, null, null, null);
    }

    /** A function-call part. */
    public static Part functionCall(String name, JsonNode args) {
        return new Part(null, null, null, FunctionCall.of(name, args), null, null, null);
    }

    /** A function-response part. */
    public static Part functionResponse(String name, JsonNode response) {
        return new Part(null, null, null, null, FunctionResponse.of(name, response), null, null);
    }

    /** An executable-code part. */
    public static Part executableCode(ExecutableCode code) {
        return new Part(null, null, null, null, null, code, null);
    }

    /** A code-execution-result part. */
    public static Part codeExecutionResult(CodeExecutionResult result) {
        return new Part(null, null, null, null, null, null, result);
    }
}
