package dev.tunegate.client.model;

/** A function the model may call: name, description, and a parameters schema (OBJECT) if any. */
public record FunctionDeclaration(String name, String description, Schema parameters, Schema response) {
    /** A declaration without a response schema. */
    public static FunctionDeclaration of(String name, String description, Schema parameters) {
        return new FunctionDeclaration(name, description, parameters, null);
    }
}
