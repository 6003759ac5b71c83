package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Request body of generateContent and streamGenerateContent. The model is named by the URL, not the body.
 * snake_case keys and single objects in place of arrays are accepted on read.
 */
@API(status = API.Status.EXPERIMENTAL)
public record GenerateContentRequest(
        List<Content> contents,
        List<Tool> tools,
        @JsonAlias("tool_config") ToolConfig toolConfig,
        @JsonAlias("safety_settings") List<SafetySetting> safetySettings,
        @JsonAlias("system_instruction") Content systemInstruction,
        @JsonAlias("generation_config") GenerationConfig generationConfig,
        @JsonAlias("cached_content") String cachedContent) {
    public GenerateContentRequest {
        contents = Unions.copy(contents);
        tools = Unions.copy(tools);
        safetySettings = Unions.copy(safetySettings);
    }

    /** A single-turn request with one user text. */
    public static GenerateContentRequest of(String userText) {
        return builder().addContent(Content.user(userText)).build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this request. */
    public Builder toBuilder() {
        Builder b = new Builder();
        if (contents != null) {
            b.contents = new ArrayList<>(contents);
        }
        if (tools != null) {
            b.tools = new ArrayList<>(tools);
        }
        if (safetySettings != null) {
            b.safetySettings = new ArrayList<>(safetySettings);
        }
        b.toolConfig = toolConfig;
        b.systemInstruction = systemInstruction;
        b.generationConfig = generationConfig;
        b.cachedContent = cachedContent;
        return b;
    }

    /** Builds {@link GenerateContentRequest}s. */
    public static final class Builder {
        private List<Content> contents;
        private List<Tool> tools;
        private ToolConfig toolConfig;
        private List<SafetySetting> safetySettings;
        private Content systemInstruction;
        private GenerationConfig generationConfig;
        private String cachedContent;

        private Builder() {}

        public Builder contents(List<Content> v) {
            this.contents = v == null ? null : new ArrayList<>(v);
            return this;
        }
        /** Appends one turn. */
        public Builder addContent(Content v) {
            if (contents == null) {
                contents = new ArrayList<>();
            }
            contents.add(v);
            return this;
        }
        /** Appends a user turn with one text part. */
        public Builder userText(String text) {
            return addContent(Content.user(text));
        }

        public Builder tools(List<Tool> v) {
            this.tools = v == null ? null : new ArrayList<>(v);
            return this;
        }
        /** Appends one tool. */
        public Builder addTool(Tool v) {
            if (tools == null) {
                tools = new ArrayList<>();
            }
            tools.add(v);
            return this;
        }

        public Builder toolConfig(ToolConfig v) {
            this.toolConfig = v;
            return this;
        }

        public Builder safetySettings(List<SafetySetting> v) {
            this.safetySettings = v == null ? null : new ArrayList<>(v);
            return this;
        }
        /** Appends one safety setting. */
        public Builder addSafetySetting(HarmCategory category, HarmBlockThreshold threshold) {
            if (safetySettings == null) {
                safetySettings = new ArrayList<>();
            }
            safetySettings.add(new SafetySetting(category, threshold));
            return this;
        }

        public Builder systemInstruction(Content v) {
            this.systemInstruction = v;
            return this;
        }
        /** Sets a text-only system instruction. */
        public Builder systemInstruction(String text) {
            this.systemInstruction = text == null ? null : Content.text(text);
            return this;
        }

        public Builder generationConfig(GenerationConfig v) {
            this.generationConfig = v;
            return this;
        }

        public Builder cachedContent(String v) {
            this.cachedContent = v;
            return this;
        }

        public GenerateContentRequest build() {
            return new GenerateContentRequest(
                    contents, tools, toolConfig, safetySettings, systemInstruction, generationConfig, cachedContent);
        }
    }
}
