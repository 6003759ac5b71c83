package dev.tunegate.client.model;

import org.apiguardian.api.API;

/** A citation for a byte range of a response. */
@API(status = API.Status.EXPERIMENTAL)
public record CitationSource(Integer startIndex, Integer endIndex, String uri, String license) {}
