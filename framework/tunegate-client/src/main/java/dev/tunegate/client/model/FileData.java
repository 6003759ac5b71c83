package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/** A reference to an uploaded file (JSON also accepts {@code mime_type}/{@code file_uri}). */
public record FileData(
        @JsonAlias("mime_type") String mimeType,
        @JsonAlias("file_uri") String fileUri) {}
