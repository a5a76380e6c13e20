package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.glassbox.data.Assets;
import org.glassbox.engine.UserFacingException;
import org.glassbox.workspaces.Workspaces;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The shell lists every workspace, builds a page only when it is first shown, and keeps a page that fails to build listed with its error. */
class ShellTest {

    private final FxRobot robot = new FxRobot();

    @Test
    void aWorkspaceWhosePageThrowsWhileBeingBuiltIsStillListedWithItsErrorShown() throws Exception {
        System.setProperty("glassbox.prefs", "glassbox-test");
        FxToolkit.registerPrimaryStage();
        int[] built = {0};
        List<WorkspaceRegistry.Entry> entries = List.of(
                new WorkspaceRegistry.Entry(Workspaces.byId("watermarks").orElseThrow(), assets -> {
                    built[0]++;
                    throw new UserFacingException("the language model file is damaged.", "Rebuild it with train-samples.");
                }),
                new WorkspaceRegistry.Entry(Workspaces.byId("reverse-engineering").orElseThrow(), assets -> {
                    built[0] += 100;
                    throw new IllegalStateException("never shown, so never built");
                }));
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            window[0] = new MainWindow(stage, Assets.locate(), AppSettings.load(), entries);
            stage.setScene(new Scene(window[0], 1000, 700));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<MainWindow.Slot> nav = robot.from(window[0]).lookup("#navigation").queryAs(ListView.class);
        assertEquals(List.of("Watermarks", "Reverse engineering"), nav.getItems().stream().map(MainWindow.Slot::title).toList(),
                "both stay listed");
        assertEquals(1, built[0], "only the page on screen was built");
        assertNull(window[0].currentPage().get(), "no page: it failed");
        Node error = robot.from(window[0]).lookup("#pageError").query();
        String text = robot.from(error).lookup(".label").queryAll().stream().map(n -> ((Label) n).getText())
                .reduce("", (a, b) -> a + " " + b);
        assertTrue(text.contains("Watermarks could not be opened: the language model file is damaged.")
                && text.contains("Rebuild it with train-samples."), text);
        robot.interact(() -> window[0].getScene().getWindow().hide());
    }
}
