package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.glassbox.data.Assets;
import org.glassbox.engine.JobExecutors;
import org.glassbox.engine.JobState;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.memorization.MemorizationWorkspace;
import org.glassbox.memorization.ui.MemorizationPage;
import org.glassbox.ui.PageContext;
import org.glassbox.ui.PlotView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A few training steps in the page: every secret's exposure curve is drawn, with a row naming its rank. */
class MemorizationUiTest {

    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dir;

    @Test
    void aFewStepsDrawEverySecretsExposureCurveAndRank() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path file = dir.resolve("memorization.json");
        ExperimentFiles.write(new MemorizationWorkspace().example(2), file);
        MemorizationPage[] page = new MemorizationPage[1];
        robot.interact(() -> {
            page[0] = new MemorizationPage(new PageContext(Assets.locate(), JobExecutors.callingThread()));
            Stage stage = new Stage();
            stage.setScene(new Scene((javafx.scene.Parent) page[0].view(), 1200, 800));
            stage.show();
            page[0].applyExperiment(file);
            page[0].run();
        });
        assertEquals(JobState.SUCCEEDED, page[0].currentJob().get().state(), "the run ended within run()");
        WaitForAsyncUtils.waitForFxEvents();
        int frames = page[0].shown().steps().length;
        PlotView plot = robot.lookup("#exposurePlot").queryAs(PlotView.class);
        assertEquals(frames, plot.plot().points("written 1×"));
        assertEquals(frames, plot.plot().points("written 50×"));
        VBox rows = robot.lookup("#secretRows").queryAs(VBox.class);
        assertEquals(2, rows.getChildren().size());
        assertTrue(((Label) rows.getChildren().get(1)).getText().contains("written 50× · rank"), ((Label) rows.getChildren().get(1)).getText());
        assertTrue(robot.lookup("#memorizationStatus").queryAs(Label.class).getText().contains("held-out perplexity"));
        assertEquals(10, robot.lookup("#extractionSamples").queryAs(VBox.class).getChildren().size(), "the top ten samples");
        assertTrue(robot.lookup("#extractionPrecision").queryAs(Label.class).getText().contains("zlib ratio"));
        Path out = dir.resolve("results");
        robot.interact(() -> page[0].saveResults(out));
        assertTrue(Files.exists(out.resolve("exposure.csv")) && Files.exists(out.resolve("run.json")), "Save results writes the files");
        robot.interact(() -> page[0].view().getScene().getWindow().hide());
    }
}
