package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.glassbox.backdoor.BackdoorWorkspace;
import org.glassbox.backdoor.ui.BackdoorPage;
import org.glassbox.data.Assets;
import org.glassbox.engine.JobExecutors;
import org.glassbox.engine.JobState;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.ui.PageContext;
import org.glassbox.ui.PlotView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A short poisoned run in the page: clean accuracy and attack success are drawn, then both models' ten reversed triggers. */
class BackdoorUiTest {

    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dir;

    @Test
    void aShortPoisonedRunDrawsAccuracyAndAttackSuccessThenTheReversedTriggers() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path file = dir.resolve("backdoor.json");
        ExperimentFiles.write(new BackdoorWorkspace().example(2), file);
        BackdoorPage[] page = new BackdoorPage[1];
        robot.interact(() -> {
            page[0] = new BackdoorPage(new PageContext(Assets.locate(), JobExecutors.callingThread()));
            Stage stage = new Stage();
            stage.setScene(new Scene((javafx.scene.Parent) page[0].view(), 1300, 850));
            stage.show();
            page[0].applyExperiment(file);
            page[0].run();
        });
        assertEquals(JobState.SUCCEEDED, page[0].currentJob().get().state(), "the run ended within run()");
        WaitForAsyncUtils.waitForFxEvents();
        PlotView plot = robot.lookup("#trainingPlot").queryAs(PlotView.class);
        int frames = page[0].shown().steps().length;
        assertTrue(frames >= 2, "frames " + frames);
        assertEquals(frames, plot.plot().points("backdoored: clean accuracy"));
        assertEquals(frames, plot.plot().points("backdoored: attack success"));
        assertEquals(frames, plot.plot().points("clean twin: attack success"));
        String status = robot.lookup("#backdoorStatus").queryAs(Label.class).getText();
        assertTrue(status.contains("attack success") && status.contains("triggered test images"), status);
        assertEquals(9, robot.lookup("#poisonedTiles").queryAs(FlowPane.class).getChildren().size(), "the trigger and 8 poisoned images");
        assertEquals(9, robot.lookup("#triggeredTestTiles").queryAs(FlowPane.class).getChildren().size(), "a test image of each other class");
        TabPane tabs = robot.lookup("#backdoorTabs").queryAs(TabPane.class);
        assertEquals("Neural Cleanse", tabs.getSelectionModel().getSelectedItem().getText(), "the page turns to the detection");
        assertEquals(10, robot.lookup("#backdooredReversedTiles").queryAs(FlowPane.class).getChildren().size());
        assertEquals(10, robot.lookup("#twinReversedTiles").queryAs(FlowPane.class).getChildren().size());
        assertTrue(robot.lookup("#backdooredVerdict").queryAs(Label.class).getText().startsWith("Flagged: "));
        String strip = robot.lookup("#stripVerdict").queryAs(Label.class).getText();
        assertTrue(strip.contains("(FAR)") && strip.contains("Clean twin"), strip);
        assertEquals(2, robot.lookup("#stripPlot").queryAs(PlotView.class).plot().chart().getXYPlot().getDataset().getSeriesCount(),
                "clean and triggered entropies");
        Path out = dir.resolve("results");
        robot.interact(() -> page[0].saveResults(out));
        assertTrue(Files.exists(out.resolve("run.json")) && Files.exists(out.resolve("reversed-triggers.png"))
                && Files.exists(out.resolve(BackdoorWorkspace.BACKDOORED_MODEL)), "Save results writes the files");
        robot.interact(page[0]::runSweep);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(JobState.SUCCEEDED, page[0].currentJob().get().state(), "the sweep ended within runSweep()");
        assertEquals(7, page[0].sweep().fractions().length, "a point per fraction");
        assertEquals(7, robot.lookup("#sweepPlot").queryAs(PlotView.class).plot().points("attack success"));
        assertEquals("Poison sweep", tabs.getSelectionModel().getSelectedItem().getText());
        robot.interact(() -> page[0].view().getScene().getWindow().hide());
    }
}
