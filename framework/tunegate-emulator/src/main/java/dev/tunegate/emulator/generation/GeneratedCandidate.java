package dev.tunegate.emulator.generation;

import dev.tunegate.client.model.Candidate;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.client.model.FunctionCall;
import dev.tunegate.client.model.Part;
import dev.tunegate.client.model.SafetyRating;
import java.util.List;

/** One finished candidate: its text (or function call), finish reason, ratings and token count. */
record GeneratedCandidate(
        String text,
        FunctionCall functionCall,
        FinishReason finishReason,
        List<SafetyRating> ratings,
        int tokens,
        boolean blocked) {

    Candidate toCandidate(int index) {
        return new Candidate(blocked ? null : content(text), finishReason, ratings, null, tokens, null, index);
    }

    Content content(String piece) {
        if (functionCall != null) {
            return new Content("model", List.of(new Part(null, null, null, functionCall, null, null, null)));
        }
        return new Content("model", List.of(Part.text(piece)));
    }
}
