package org.glassbox.engine;

/**
 * What a person reads when something goes wrong: what happened, and what to do about it.
 * Every failure that reaches the user is turned into one of these; no stack traces on screen.
 */
public record UserMessage(String problem, String remedy) {

    public String text() {
        return remedy.isBlank() ? problem : problem + " " + remedy;
    }
}
