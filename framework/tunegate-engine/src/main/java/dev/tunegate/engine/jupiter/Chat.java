package dev.tunegate.engine.jupiter;

import dev.tunegate.client.model.Content;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.util.List;
import org.apiguardian.api.API;

/** A multi-turn conversation with one {@link ModelUnderTest}: each {@link #send} carries the turns before it. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Chat {

    /** Sends a user turn after the conversation so far and adds it and the model's answer to the history. */
    ModelAnswer send(String text);

    /** The turns so far (user and model), oldest first. */
    List<Content> history();
}
