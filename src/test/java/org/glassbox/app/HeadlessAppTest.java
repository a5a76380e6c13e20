package org.glassbox.app;

import javafx.scene.control.ListView;
import org.glassbox.ui.WorkspacePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Starts the whole app once per test class on Monocle (headless), with its own preferences node, and stops it after. */
abstract class HeadlessAppTest {

    protected static GlassboxApp app;
    protected final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        System.setProperty("glassbox.prefs", "glassbox-test");
        FxToolkit.registerPrimaryStage();
        app = (GlassboxApp) FxToolkit.setupApplication(GlassboxApp::new);
    }

    @AfterAll
    static void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    /** Selects the workspace with this title in the navigation list, as a click would, and returns it. */
    protected static WorkspacePage open(FxRobot robot, String title) {
        @SuppressWarnings("unchecked")
        ListView<MainWindow.Slot> nav = robot.lookup("#navigation").queryAs(ListView.class);
        MainWindow.Slot slot = nav.getItems().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
        robot.interact(() -> nav.getSelectionModel().select(slot));
        return app.window().currentPage().get();
    }
}
