package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import org.glassbox.data.Assets;
import org.glassbox.modellab.ui.ModelLabPage;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The whole app, headless: it starts, opens Model lab, and an evaluation run with F5 shows the catalog's accuracy. */
class ModelLabUiTest extends HeadlessAppTest {


    @TempDir
    Path dir;

    private <T extends javafx.scene.Node> T find(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }

    @Test
    void evaluatingTheLenetSampleWithF5ShowsTheCatalogAccuracy() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<MainWindow.Slot> nav = find("#navigation", ListView.class);
        assertEquals("Model lab", nav.getSelectionModel().getSelectedItem().title());
        assertTrue(app.window().currentPage().get() instanceof ModelLabPage);
        TableView<?> layers = find("#layerTable", TableView.class);
        waitFor(() -> layers.getItems().size() == 4);

        // F5 as the window's shortcut table has it (a key typed by the robot on Monocle is not always delivered to a
        // scene that replaced another on the shared test stage)
        Runnable f5 = app.window().getScene().getAccelerators().get(AppAction.RUN.keys());
        org.junit.jupiter.api.Assertions.assertNotNull(f5, "F5 is a shortcut of the window");
        robot.interact(f5);
        ProgressBar progress = find("#progressBar", ProgressBar.class);
        waitFor(() -> progress.getProgress() >= 1.0 && find("#runButton", javafx.scene.control.Button.class).isDisabled() == false);
        WaitForAsyncUtils.waitForFxEvents();

        CatalogEntry lenet = ModelCatalog.read(Assets.locate().sampleModels()).find("lenet-sigmoid").orElseThrow();
        double accuracy = lenet.metrics().get("testAccuracy");
        assertEquals(String.format(Locale.ROOT, "%.2f %%", 100 * accuracy), find("#accuracyLabel", Label.class).getText());
        String detail = find("#accuracyDetail", Label.class).getText();
        assertTrue(detail.startsWith(String.format(Locale.ROOT, "accuracy · %,d of 2,000 images correct", Math.round(accuracy * 2000))),
                detail);
    }

    @Test
    void aTruncatedModelFileGivesAMessageAndTheWorkspaceStaysUsable() throws Exception {
        Path cut = dir.resolve("cut.zip");
        Path real = Assets.locate().sampleModels().resolve("relu-cnn.zip");
        byte[] bytes = Files.readAllBytes(real);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        ModelLabPage page = (ModelLabPage) app.window().currentPage().get();
        robot.interact(() -> page.openModelFile(cut));
        waitFor(() -> page.messages().text().contains("truncated"));
        assertTrue(page.messages().text().startsWith("cut.zip: the zip is truncated or damaged"), page.messages().text());

        robot.interact(page::run);
        ProgressBar progress = find("#progressBar", ProgressBar.class);
        waitFor(() -> progress.getProgress() >= 1.0);
    }
}
