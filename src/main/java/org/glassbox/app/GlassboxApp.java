package org.glassbox.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.glassbox.data.Assets;

/**
 * The desktop app. With {@code -Dglassbox.startupReport=true} it prints the time from JVM start
 * to the first frame drawn (and with {@code -Dglassbox.exitAfterFirstFrame=true} then quits),
 * which is how the start-up benchmark measures it.
 */
public final class GlassboxApp extends Application {

    private static final String BASE_FONT = "-fx-font-size: 13px;";
    private static final String PRESENTER_FONT = "-fx-font-size: 20px;";

    private MainWindow window;

    @Override
    public void start(Stage stage) {
        AppSettings settings = AppSettings.load();
        applyTheme(settings.darkProperty().get());
        settings.darkProperty().addListener((o, a, dark) -> applyTheme(dark));
        Assets assets;
        try {
            assets = Assets.locate();
        } catch (IllegalStateException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("Glassbox cannot find its data");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> reportUnexpected(failure));
        window = new MainWindow(stage, assets, settings);
        window.setStyle(settings.presenterProperty().get() ? PRESENTER_FONT : BASE_FONT);
        settings.presenterProperty().addListener((o, a, on) -> window.setStyle(on ? PRESENTER_FONT : BASE_FONT));
        // 1280×820, or the screen if it is smaller; on a large screen most of it, so that the views get the room
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.min(screen.getWidth(), Math.max(1280, screen.getWidth() * 0.85));
        double height = Math.min(screen.getHeight(), Math.max(820, screen.getHeight() * 0.85));
        Scene scene = new Scene(window, width, height);
        scene.getStylesheets().add(GlassboxApp.class.getResource("glassbox.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        stage.show();
        if (Boolean.getBoolean("glassbox.startupReport")) {
            reportFirstFrame();
        }
    }

    private static boolean alertShowing;

    /**
     * A failure no page caught (an OutOfMemoryError in an event handler, say) gets the same one-line
     * message as everywhere else, in a window that does not block; the app and the work in it stay.
     */
    private static void reportUnexpected(Throwable failure) {
        org.glassbox.engine.UserMessage message = org.glassbox.engine.Failures.describe(failure);
        System.err.println("Glassbox: " + message.text());
        Runnable show = () -> {
            if (alertShowing) {
                return;
            }
            alertShowing = true;
            Alert alert = new Alert(Alert.AlertType.ERROR, message.remedy());
            alert.setHeaderText(message.problem());
            alert.setOnHidden(e -> alertShowing = false);
            alert.show();
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private static void reportFirstFrame() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("startup-to-first-frame-ms " + sinceStart);
                    stop();
                    if (Boolean.getBoolean("glassbox.exitAfterFirstFrame")) {
                        Platform.exit();
                    }
                }
            }
        }.start();
    }

    /** The main window, once started (for tests). */
    public MainWindow window() {
        return window;
    }
}
