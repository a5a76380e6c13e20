package org.glassbox.app;

import javafx.application.Application;
import org.glassbox.cli.GlassboxCommand;

/**
 * Entry point. With no arguments the desktop app starts; with arguments they are a headless
 * command ({@code glassbox --help} lists them). This class does not extend Application, so the
 * JavaFX runtime may come from the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        org.glassbox.engine.SerialFilter.install();
        if (args.length == 0) {
            Application.launch(GlassboxApp.class, args);
        } else {
            System.exit(GlassboxCommand.execute(args));
        }
    }
}
