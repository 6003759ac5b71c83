package dev.tunegate.client.model;

import org.apiguardian.api.API;

/** Identifier for a chunk retrieved via Semantic Retriever. */
@API(status = API.Status.EXPERIMENTAL)
public record SemanticRetrieverChunk(String source, String chunk) {}
