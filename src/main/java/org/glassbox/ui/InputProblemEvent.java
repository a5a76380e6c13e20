package org.glassbox.ui;

import javafx.event.Event;
import javafx.event.EventType;
import org.glassbox.engine.UserMessage;

/**
 * Something typed into a control was not taken (a number out of range, text that is not a
 * number): the event goes up the scene graph so that the page around the control can show the
 * message, wherever the control sits.
 */
public final class InputProblemEvent extends Event {

    public static final EventType<InputProblemEvent> INPUT_PROBLEM = new EventType<>(Event.ANY, "INPUT_PROBLEM");

    private final transient UserMessage message;

    public InputProblemEvent(UserMessage message) {
        super(INPUT_PROBLEM);
        this.message = message;
    }

    public UserMessage message() {
        return message;
    }
}
