package dev.tunegate.client.model;

/** Identifier for a chunk retrieved via Semantic Retriever. */
public record SemanticRetrieverChunk(String source, String chunk) {}
