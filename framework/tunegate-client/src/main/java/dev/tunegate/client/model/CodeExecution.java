package dev.tunegate.client.model;

import org.apiguardian.api.API;

/** Marker tool enabling code execution; serialised as {@code {}}. */
@API(status = API.Status.EXPERIMENTAL)
public record CodeExecution() {}
