package dev.tunegate.emulator.behaviour;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One scripted rule from a behaviour file: when {@code pattern} is found in the last user message
 * (and {@code system}, if set, in the system instruction, and the model is one of {@code models}, if
 * set), answer one of {@code responses} (first = most likely; others are sampled above temperature 0).
 * Responses may refer to the pattern's groups as {@code $1} or {@code ${name}}.
 */
record BehaviourRule(String source, Pattern pattern, Pattern system, List<String> models, List<String> responses) {}
