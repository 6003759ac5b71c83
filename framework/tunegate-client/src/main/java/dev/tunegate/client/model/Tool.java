package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;
import org.apiguardian.api.API;

/** A tool the model may use: function declarations and/or code execution. */
@API(status = API.Status.EXPERIMENTAL)
public record Tool(
        @JsonAlias("function_declarations") List<FunctionDeclaration> functionDeclarations,
        @JsonAlias("code_execution") CodeExecution codeExecution) {
    public Tool {
        functionDeclarations = Unions.copy(functionDeclarations);
    }

    /** A tool holding the given function declarations. */
    public static Tool functions(FunctionDeclaration... declarations) {
        return new Tool(List.of(declarations), null);
    }

    /** The code-execution tool. */
    public static Tool withCodeExecution() {
        return new Tool(null, new CodeExecution());
    }
}
