package org.glassbox.ui;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.scene.layout.VBox;
import org.glassbox.engine.UserMessage;

/** A page's message: what went wrong and what to do (until closed), or a piece of information (which also goes by itself). */
public final class Messages extends VBox {

    public Messages() {
        setId("messages");
        setSpacing(6);
    }

    public void showProblem(UserMessage message) {
        show(message, Styles.DANGER);
    }

    /** Information (saved, opened, what a demo shows): it goes by itself after 20 seconds, or when closed. */
    public void showInfo(String text) {
        show(new UserMessage(text, ""), Styles.ACCENT);
        javafx.scene.Node shown = getChildren().get(0);
        javafx.animation.PauseTransition fade = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(20));
        fade.setOnFinished(e -> getChildren().remove(shown));
        fade.play();
    }

    /**
     * A short problem is the message's title and its remedy the text below; a long one goes whole
     * into the text, which wraps (the title would be cut at the width of the page).
     */
    private void show(UserMessage message, String style) {
        getChildren().clear();
        boolean shortTitle = message.problem().length() <= 70;
        Message m = shortTitle ? new Message(message.problem(), message.remedy().isBlank() ? null : message.remedy())
                : new Message(null, message.text());
        m.getStyleClass().add(style);
        m.setOnClose(e -> getChildren().remove(m));
        m.setId("message");
        getChildren().add(m);
    }

    /** Something that writes files and may fail. */
    @FunctionalInterface
    public interface Write {
        void run() throws java.io.IOException;
    }

    /** Runs the write and says "Saved target", or says why it could not and what to do. */
    public void writeOrReport(Write write, java.io.File target) {
        try {
            write.run();
            showInfo("Saved " + target + ".");
        } catch (java.io.IOException e) {
            showProblem(new UserMessage("Could not write " + target + ": " + e.getMessage() + ".",
                    "Choose another folder or file name."));
        }
    }

    public void clear() {
        getChildren().clear();
    }

    /** The text shown now, or "" if none (for tests and screen readers). */
    public String text() {
        return getChildren().stream().filter(Message.class::isInstance).map(Message.class::cast)
                .map(m -> java.util.stream.Stream.of(m.getTitle(), m.getDescription()).filter(t -> t != null && !t.isBlank())
                        .collect(java.util.stream.Collectors.joining(" "))).findFirst().orElse("");
    }
}
