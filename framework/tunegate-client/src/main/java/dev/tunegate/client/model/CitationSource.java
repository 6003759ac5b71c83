package dev.tunegate.client.model;

/** A citation for a byte range of a response. */
public record CitationSource(Integer startIndex, Integer endIndex, String uri, String license) {}
