package org.glassbox.engine;

/** An exception whose message is written for the person using Glassbox, with a remedy. */
public class UserFacingException extends Exception {

    private final UserMessage userMessage;

    public UserFacingException(String problem, String remedy) {
        this(problem, remedy, null);
    }

    public UserFacingException(String problem, String remedy, Throwable cause) {
        super(problem + " " + remedy, cause);
        this.userMessage = new UserMessage(problem, remedy);
    }

    public UserMessage userMessage() {
        return userMessage;
    }
}
