package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.apiguardian.api.API;

/** One training example: text input (union {@code model_input}) and expected output. */
@API(status = API.Status.EXPERIMENTAL)
public record TuningExample(@JsonAlias("text_input") String textInput, String output) {
    /** Shorthand constructor. */
    public static TuningExample of(String textInput, String output) {
        return new TuningExample(textInput, output);
    }
}
