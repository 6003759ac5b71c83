package dev.tunegate.client.model;

import org.apiguardian.api.API;

/**
 * What a Vertex AI supervised tuning job trains on ({@code supervisedTuningSpec}).
 *
 * @param trainingDatasetUri       {@code gs://BUCKET/OBJECT} of the training JSONL (one
 *                                 {@code {"contents": [...], "systemInstruction": ...}} per line)
 * @param validationDatasetUri     {@code gs://} URI of the validation JSONL, or null
 * @param hyperParameters          the hyperparameters, or null for Vertex AI's defaults
 * @param exportLastCheckpointOnly true to keep only the last checkpoint instead of one per epoch
 */
@API(status = API.Status.EXPERIMENTAL)
public record VertexSupervisedTuningSpec(
        String trainingDatasetUri,
        String validationDatasetUri,
        VertexHyperParameters hyperParameters,
        Boolean exportLastCheckpointOnly) {}
