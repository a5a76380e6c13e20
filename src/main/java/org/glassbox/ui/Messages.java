package org.glassbox.ui;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.scene.layout.VBox;
import org.glassbox.engine.UserMessage;

/** A strip at the top of a page that shows what went wrong and what to do; closing it dismisses it. */
public final class Messages extends VBox {

    public Messages() {
        setId("messages");
        setSpacing(6);
    }

    public void showProblem(UserMessage message) {
        show(message, Styles.DANGER);
    }

    public void showInfo(String text) {
        show(new UserMessage(text, ""), Styles.ACCENT);
    }

    private void show(UserMessage message, String style) {
        getChildren().clear();
        Message m = new Message(message.problem(), message.remedy());
        m.getStyleClass().add(style);
        m.setOnClose(e -> getChildren().remove(m));
        m.setId("message");
        getChildren().add(m);
    }

    public void clear() {
        getChildren().clear();
    }

    /** The text shown now, or "" if none (for tests and screen readers). */
    public String text() {
        return getChildren().stream().filter(Message.class::isInstance).map(Message.class::cast)
                .map(m -> m.getTitle() + " " + m.getDescription()).findFirst().orElse("");
    }
}
