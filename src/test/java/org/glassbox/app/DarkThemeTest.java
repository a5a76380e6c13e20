package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.glassbox.engine.Job;
import org.glassbox.ui.WorkspacePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In the dark theme, every workspace, after a short run of its default job, is dark all over: no
 * block of the page (40×40 pixels) is white. A chart, an editor or a matrix drawn on a white
 * background of its own would leave such a block.
 */
class DarkThemeTest {

    private static final int BLOCK = 40;
    private static GlassboxApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startDark() throws Exception {
        System.setProperty("glassbox.prefs", "glassbox-test-dark");
        Preferences prefs = Preferences.userRoot().node("glassbox-test-dark");
        prefs.putBoolean("dark", true);
        prefs.putBoolean("presenter", false);
        prefs.flush();
        FxToolkit.registerPrimaryStage();
        app = (GlassboxApp) FxToolkit.setupApplication(GlassboxApp::new);
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        System.setProperty("glassbox.prefs", "glassbox-test");
    }

    @Test
    void noWorkspaceLeavesAWhiteBlockInTheDarkTheme() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<MainWindow.Slot> nav = robot.lookup("#navigation").queryAs(ListView.class);
        List<String> white = new ArrayList<>();
        for (MainWindow.Slot slot : List.copyOf(nav.getItems())) {
            robot.interact(() -> nav.getSelectionModel().select(slot));
            WorkspacePage page = app.window().currentPage().get();
            robot.interact(page::run);
            Job<?> job = page.currentJob().get();
            if (job != null) {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> job.completedIterations() >= 2 || job.state().isFinal());
                robot.interact(page::cancel);
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> job.state().isFinal());
            }
            WaitForAsyncUtils.waitForFxEvents();
            Node view = page.view();
            WritableImage[] shot = new WritableImage[1];
            robot.interact(() -> shot[0] = view.getScene().snapshot(null));
            int blocks = whiteBlocks(shot[0]);
            if (blocks > 0) {
                white.add(slot.title() + ": " + blocks + " white blocks");
            }
        }
        assertEquals(List.of(), white);
    }

    /** Blocks of BLOCK×BLOCK pixels of which at least 98 % are near white. */
    static int whiteBlocks(WritableImage image) {
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int count = 0;
        for (int by = 0; by + BLOCK <= h; by += BLOCK) {
            for (int bx = 0; bx + BLOCK <= w; bx += BLOCK) {
                int light = 0;
                for (int y = by; y < by + BLOCK; y++) {
                    for (int x = bx; x < bx + BLOCK; x++) {
                        Color c = pixels.getColor(x, y);
                        if (c.getRed() > 0.92 && c.getGreen() > 0.92 && c.getBlue() > 0.92) {
                            light++;
                        }
                    }
                }
                if (light >= 0.98 * BLOCK * BLOCK) {
                    count++;
                }
            }
        }
        return count;
    }
}
