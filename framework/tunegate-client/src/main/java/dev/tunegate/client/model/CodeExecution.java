package dev.tunegate.client.model;

/** Marker tool enabling code execution; serialised as {@code {}}. */
public record CodeExecution() {}
