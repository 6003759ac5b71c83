package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/** One training example: text input (union {@code model_input}) and expected output. */
public record TuningExample(@JsonAlias("text_input") String textInput, String output) {
    /** Shorthand constructor. */
    public static TuningExample of(String textInput, String output) {
        return new TuningExample(textInput, output);
    }
}
