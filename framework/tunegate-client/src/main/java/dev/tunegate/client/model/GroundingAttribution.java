package dev.tunegate.client.model;

/** Attribution for a source that contributed to an answer. */
public record GroundingAttribution(AttributionSourceId sourceId, Content content) {}
