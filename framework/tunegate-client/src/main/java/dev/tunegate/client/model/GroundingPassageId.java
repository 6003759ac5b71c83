package dev.tunegate.client.model;

/** Identifier for a part within a grounding passage. */
public record GroundingPassageId(String passageId, Integer partIndex) {}
