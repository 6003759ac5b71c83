package dev.tunegate.emulator.generation;

import static dev.tunegate.emulator.generation.RequestFieldError.abbreviate;
import static dev.tunegate.emulator.generation.RequestFieldError.bad;

import dev.tunegate.client.model.FunctionCallingConfig;
import dev.tunegate.client.model.FunctionDeclaration;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.Tool;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks {@code tools} (function declarations and their schemas) and {@code toolConfig}. */
final class ToolsCheck {
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,63}");

    private ToolsCheck() {}

    /** Checks the declarations, then that the function calling config names only declared functions. */
    static void check(GenerateContentRequest r) {
        Set<String> names = new HashSet<>();
        if (r.tools() != null) {
            for (int i = 0; i < r.tools().size(); i++) {
                tool("tools[" + i + "]", r.tools().get(i), names);
            }
        }
        if (r.toolConfig() != null && r.toolConfig().functionCallingConfig() != null) {
            functionCallingConfig(r.toolConfig().functionCallingConfig(), names);
        }
    }

    private static void tool(String tf, Tool t, Set<String> names) {
        if (t == null) {
            throw bad(tf, tf + " must be an object");
        }
        if (t.functionDeclarations() == null) {
            return;
        }
        for (int j = 0; j < t.functionDeclarations().size(); j++) {
            FunctionDeclaration d = t.functionDeclarations().get(j);
            String df = tf + ".functionDeclarations[" + j + "]";
            if (d == null
                    || d.name() == null
                    || !FUNCTION_NAME.matcher(d.name()).matches()) {
                throw bad(
                        df + ".name",
                        "a function name must start with a letter or underscore and "
                                + "contain only a-z, A-Z, 0-9, underscores, dots or dashes (at most 64)");
            }
            if (!names.add(d.name())) {
                throw bad(df + ".name", "duplicate function declaration '" + d.name() + "'");
            }
            if (d.parameters() != null) {
                SchemaCheck.schema(df + ".parameters", d.parameters(), 0);
            }
            if (d.response() != null) {
                SchemaCheck.schema(df + ".response", d.response(), 0);
            }
        }
    }

    private static void functionCallingConfig(FunctionCallingConfig fc, Set<String> declared) {
        String f = "toolConfig.functionCallingConfig";
        if (fc.mode() == FunctionCallingConfig.Mode.UNRECOGNIZED) {
            throw bad(f + ".mode", "mode must be one of MODE_UNSPECIFIED, AUTO, ANY, NONE, VALIDATED");
        }
        if (fc.allowedFunctionNames() != null && !fc.allowedFunctionNames().isEmpty()) {
            if (fc.mode() != FunctionCallingConfig.Mode.ANY && fc.mode() != FunctionCallingConfig.Mode.VALIDATED) {
                throw bad(f + ".allowedFunctionNames", "allowedFunctionNames may be set only when mode is ANY");
            }
            for (String n : fc.allowedFunctionNames()) {
                if (!declared.contains(n)) {
                    throw bad(
                            f + ".allowedFunctionNames",
                            "'" + abbreviate(String.valueOf(n)) + "' is not a declared function");
                }
            }
        }
    }
}
