package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.glassbox.ui.WorkspacePage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The Reverse engineering workspace, headless: a run fills the neuron table and names the first layer's width. */
class ExtractionUiTest extends HeadlessAppTest {

    @Test
    void aRunOnTheSampleRecoversBothHiddenLayersListsTheirNeuronsAndWritesTheModel() throws Exception {
        WorkspacePage page = open(robot, "Reverse engineering");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Object> choice = robot.lookup("#extractionNetwork").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> choice.getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> pause = robot.lookup("#param-pauseMillis").queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> pause.getValueFactory().setValue(0));
        robot.interact(page::run);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> page.currentJob().get() != null
                && page.currentJob().get().state().isFinal());
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#extractionStatus").queryAs(Label.class).getText();
        assertTrue(status.contains("first layer: 20 neurons found, true width 20, 100 % recovered"), status);
        assertTrue(status.contains("layer 2: 20 found, true width 20, 100 % recovered"), status);
        assertTrue(status.contains("Recovered network against the true one"), status);
        TableView<?> table = robot.lookup("#neuronTable").queryAs(TableView.class);
        assertTrue(table.getItems().size() >= 40, "rows for both layers: " + table.getItems().size());
        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("extraction-results");
        org.glassbox.extraction.ui.ExtractionPage extraction = (org.glassbox.extraction.ui.ExtractionPage) page;
        robot.interact(() -> extraction.saveResults(out));
        for (String file : new String[] {"map.png", "neurons.csv", "run.json", "report.html"}) {
            assertTrue(java.nio.file.Files.size(out.resolve(file)) > 0, file + " is written");
        }
        assertTrue(java.nio.file.Files.size(out.resolve("recovered-model.zip")) > 0, "the whole network is written as a model");
        java.nio.file.Path experiment = out.resolve("experiment.json");
        org.glassbox.experiment.ExperimentFiles.write(org.glassbox.extraction.ExtractionRun.experiment("random:10,8,3",
                new org.glassbox.extraction.ExtractionSetup("decimals:6", new org.glassbox.extraction.ExtractionParameters(5, 20, 10, 4, 0)),
                77), experiment);
        robot.interact(() -> extraction.applyExperiment(experiment));
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> lines = robot.lookup("#param-lines").queryAs(javafx.scene.control.Spinner.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Object> network = robot.lookup("#extractionNetwork").queryAs(javafx.scene.control.ComboBox.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Object> precision = robot.lookup("#outputPrecision").queryAs(javafx.scene.control.ComboBox.class);
        org.junit.jupiter.api.Assertions.assertEquals(5, lines.getValue());
        assertTrue(network.getValue().toString().startsWith("Random 10-8-3"), network.getValue().toString());
        org.junit.jupiter.api.Assertions.assertEquals("decimals:6", precision.getValue().toString());
        robot.interact(() -> {
            network.getSelectionModel().select(2);
            precision.getSelectionModel().select(0);
            lines.getValueFactory().setValue(12);
        });
        robot.interact(() -> pause.getValueFactory().setValue(400));
    }
}
