/**
 * The Gemini API's wire types as Java records, read and written with {@link dev.tunegate.client.model.WireJson}'s
 * configuration. They are {@code @API(status = EXPERIMENTAL)}: they mirror the v1beta surface and gain
 * components as it grows, which changes their canonical constructors; prefer their factories and builders.
 * This package depends on nothing else in the client.
 */
package dev.tunegate.client.model;
