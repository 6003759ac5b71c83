package dev.tunegate.client.model;

import org.apiguardian.api.API;

/** A function the model may call: name, description, and a parameters schema (OBJECT) if any. */
@API(status = API.Status.EXPERIMENTAL)
public record FunctionDeclaration(String name, String description, Schema parameters, Schema response) {
    /** A declaration without a response schema. */
    public static FunctionDeclaration of(String name, String description, Schema parameters) {
        return new FunctionDeclaration(name, description, parameters, null);
    }
}
