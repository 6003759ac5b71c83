package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.apiguardian.api.API;

/** A reference to an uploaded file (JSON also accepts {@code mime_type}/{@code file_uri}). */
@API(status = API.Status.EXPERIMENTAL)
public record FileData(
        @JsonAlias("mime_type") String mimeType,
        @JsonAlias("file_uri") String fileUri) {}
