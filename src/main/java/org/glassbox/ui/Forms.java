package org.glassbox.ui;

import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

/** Small pieces of form layout and file dialogs that every workspace page uses. */
public final class Forms {

    private Forms() {
    }

    /**
     * A label (mnemonic target of the control) and a control that takes the rest of the width. The
     * label's column is {@code labelWidth} pixels at the normal text size and grows with it
     * (presenter mode); a longer label wraps onto a second line instead of being cut.
     */
    public static HBox row(String text, Control control, double labelWidth) {
        Label label = new Label(text);
        label.setLabelFor(control);
        label.setWrapText(true);
        label.setStyle(String.format(java.util.Locale.ROOT, "-fx-min-width: %.2fem; -fx-pref-width: %.2fem;", labelWidth / 13,
                labelWidth / 13));
        HBox box = new HBox(8, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(control, Priority.ALWAYS);
        control.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** A save dialog over the window that holds {@code owner}; null if the person cancels. */
    public static File saveFile(Node owner, String title, String initialName, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(title, pattern));
        return chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
    }

    /** A folder dialog over the window that holds {@code owner}; null if the person cancels. */
    public static File chooseFolder(Node owner, String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        return chooser.showDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
    }

    /** An open dialog over the window that holds {@code owner}; null if the person cancels. */
    public static File openFile(Node owner, String title, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        return chooser.showOpenDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
    }
}
