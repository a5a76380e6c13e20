package org.glassbox.app;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Theme, presenter mode and compute threads. Changes apply when the person presses OK. */
final class SettingsDialog extends Dialog<ButtonType> {

    SettingsDialog(Window owner, AppSettings settings) {
        initOwner(owner);
        setTitle("Settings");
        setHeaderText("Glassbox settings");
        CheckBox dark = new CheckBox("Dark theme");
        dark.setSelected(settings.darkProperty().get());
        CheckBox presenter = new CheckBox("Presenter mode (large text for a projector)");
        presenter.setSelected(settings.presenterProperty().get());
        int cores = Runtime.getRuntime().availableProcessors();
        Spinner<Integer> threads = new Spinner<>(1, cores, settings.threadsProperty().get());
        threads.setId("threadsSpinner");
        Label threadsLabel = new Label("Compute threads (1 to " + cores + ")");
        threadsLabel.setLabelFor(threads);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        grid.add(dark, 0, 0, 2, 1);
        grid.add(presenter, 0, 1, 2, 1);
        grid.add(threadsLabel, 0, 2);
        grid.add(threads, 1, 2);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> {
            if (button == ButtonType.OK) {
                settings.darkProperty().set(dark.isSelected());
                settings.presenterProperty().set(presenter.isSelected());
                settings.threadsProperty().set(threads.getValue());
            }
            return button;
        });
    }
}
