package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.engine.Job;
import org.glassbox.inversion.ui.InversionPage;
import org.glassbox.ui.ImageInspector;
import org.glassbox.workspaces.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The image inspector on a finished inversion: a pixel's values read back, the SSIM map shown, the wipe dragged. */
class InspectorUiTest extends HeadlessAppTest {

    @TempDir
    Path dir;

    /** Runs the experiment in the page to its end and opens the inspector on the result. */
    private ImageInspector runAndInspect(InversionPage page) throws Exception {
        robot.interact(page::run);
        Job<?> job = page.currentJob().get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> job.state().isFinal());
        WaitForAsyncUtils.waitForFxEvents();
        ImageInspector[] inspector = new ImageInspector[1];
        robot.interact(() -> inspector[0] = page.inspect());
        return inspector[0];
    }

    @Test
    void theInspectorReadsAPixelShowsTheSsimMapAndDragsTheWipe() throws Exception {
        InversionPage page = (InversionPage) open(robot, "Gradient inversion");
        robot.interact(() -> page.applyExperiment(Workspaces.byId("gradient-inversion").orElseThrow().example(3),
                java.nio.file.Path.of("")));
        ImageInspector[] inspector = {runAndInspect(page)};
        assertNotNull(inspector[0]);

        double[] original = FashionMnist.test(Assets.locate()).image(0);
        String readout = inspector[0].readoutAt(14, 9);
        assertTrue(readout.startsWith(String.format(Locale.ROOT, "pixel (row 14, column 9) · original %.4f", original[14 * 28 + 9])),
                readout);

        robot.interact(() -> inspector[0].setDifference(ImageInspector.Difference.LOCAL_SSIM));
        double[] map = inspector[0].differenceMap();
        assertTrue(Double.isNaN(map[0]), "no whole window at the corner");
        assertTrue(!Double.isNaN(map[14 * 28 + 14]), "a window centred in the image");

        robot.interact(() -> inspector[0].setLayout(ImageInspector.Layout.WIPE));
        Canvas wiped = (Canvas) inspector[0].lookup("#inspectorReconstruction");
        Bounds b = wiped.localToScreen(wiped.getBoundsInLocal());
        robot.moveTo(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        robot.drag(javafx.scene.input.MouseButton.PRIMARY).moveTo(b.getMinX() + b.getWidth() * 0.2, b.getMinY() + b.getHeight() / 2)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        assertEquals(0.2, inspector[0].wipe(), 0.05, "the divider follows the drag");

        Path csv = dir.resolve("difference.csv");
        robot.interact(() -> {
            try {
                inspector[0].writeDifferenceCsv(csv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(28, Files.readAllLines(csv).size());
        robot.interact(() -> inspector[0].getScene().getWindow().hide());
    }

    @Test
    void aBatchShowsWhichDummyWentToWhichImageAndTheTotalCost() throws Exception {
        InversionPage page = (InversionPage) open(robot, "Gradient inversion");
        org.glassbox.inversion.InversionSetup d = org.glassbox.inversion.InversionSetup.defaults();
        org.glassbox.inversion.InversionParameters p = d.parameters();
        org.glassbox.inversion.InversionSetup batch = new org.glassbox.inversion.InversionSetup(d.attack(), d.optimizer(), 0, 2,
                d.fileLabel(), d.resize(), d.dlgWeights(), d.defense(), d.strength(), d.clipNorm(), false,
                new org.glassbox.inversion.InversionParameters(20, p.learningRate(), p.hvpStep(), p.tvWeight(), p.restarts()));
        robot.interact(() -> page.applyExperiment(org.glassbox.inversion.InversionRun.experiment("lenet-sigmoid", FashionMnist.TEST_ID,
                batch, 3), java.nio.file.Path.of("")));
        ImageInspector[] inspector = {runAndInspect(page)};
        javafx.scene.Parent window = inspector[0].getScene().getRoot();
        javafx.scene.layout.GridPane grid = (javafx.scene.layout.GridPane) window.lookup("#batchMatching");
        assertNotNull(grid, "the matching is drawn for a batch");
        java.util.Set<String> dummies = new java.util.TreeSet<>();
        for (javafx.scene.Node n : grid.getChildren()) {
            Integer row = javafx.scene.layout.GridPane.getRowIndex(n);
            Integer column = javafx.scene.layout.GridPane.getColumnIndex(n);
            if (row != null && row > 0 && column != null && column == 2) {
                dummies.add(((javafx.scene.control.Label) ((javafx.scene.layout.HBox) n).getChildren().get(1)).getText());
            }
        }
        assertEquals(java.util.Set.of("#0", "#1"), dummies, "each dummy matched to one original");
        String text = window.lookupAll(".label").stream().map(l -> ((javafx.scene.control.Label) l).getText())
                .filter(t -> t.startsWith("Matched by the assignment")).findFirst().orElse("");
        assertTrue(text.contains("2! pairings"), text);
        robot.interact(() -> inspector[0].getScene().getWindow().hide());
    }
}
