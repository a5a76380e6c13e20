package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.glassbox.inversion.InversionParameters;
import org.glassbox.inversion.ui.InversionPage;
import org.glassbox.ui.ParameterSheet;
import org.glassbox.ui.WorkspacePage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The Gradient inversion workspace, headless: a run shows the label read from the gradient and a rising PSNR. */
class InversionUiTest extends HeadlessAppTest {


    @Test
    void aRunShowsTheRecoveredLabelAndTheReconstructionImproving() throws Exception {
        WorkspacePage page = open(robot, "Gradient inversion");
        robot.interact(page::run);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> page.currentJob().get() != null
                && page.currentJob().get().completedIterations() >= 40);
        robot.interact(page::cancel);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> page.currentJob().get().state().isFinal());
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#inversionStatus").queryAs(Label.class).getText();
        assertTrue(status.contains("Label read from the gradient: Ankle boot · true: Ankle boot"), status);
        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("inversion-results");
        InversionPage inversion = (InversionPage) page;
        robot.interact(() -> inversion.saveResults(out));
        for (String file : new String[] {"strip.png", "comparison.png", "curves.csv", "run.json", "report.html"}) {
            assertTrue(java.nio.file.Files.size(out.resolve(file)) > 0, file + " is written");
        }
        java.nio.file.Path experiment = out.resolve("experiment.json");
        com.fasterxml.jackson.databind.JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                out.resolve("run.json").toFile());
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(experiment.toFile(), run.get("experiment"));
        robot.interact(() -> inversion.applyExperiment(experiment));
        assertTrue(messages().contains("Opened experiment experiment.json"), "the saved run's experiment opens: " + messages());
    }

    private String messages() {
        return robot.lookup("#messages").queryAs(org.glassbox.ui.Messages.class).text();
    }

    @Test
    void anExperimentFileSetsTheAttackItsParametersAndTheSeed() throws Exception {
        InversionPage page = (InversionPage) open(robot, "Gradient inversion");
        org.glassbox.inversion.InversionSetup setup = new org.glassbox.inversion.InversionSetup(
                org.glassbox.inversion.InversionAttack.DLG, org.glassbox.inversion.InversionOptimizer.ADAM, 12, 2, 0, false, true,
                org.glassbox.inversion.DefenseKind.PRUNING, 0.25, 1.0, false, new InversionParameters(77, 0.5, 1e-4, 0, 3));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("inversion", ".json");
        org.glassbox.experiment.ExperimentFiles.write(org.glassbox.inversion.InversionRun.experiment("lenet-sigmoid",
                org.glassbox.data.FashionMnist.TEST_ID, setup, 123), file);
        robot.interact(() -> page.applyExperiment(file));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.glassbox.inversion.InversionAttack> attack =
                robot.lookup("#attack").queryAs(javafx.scene.control.ComboBox.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> restarts = robot.lookup("#param-restarts").queryAs(javafx.scene.control.Spinner.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> batch = robot.lookup("#batchSize").queryAs(javafx.scene.control.Spinner.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Long> seed = robot.lookup("#param-seed").queryAs(javafx.scene.control.Spinner.class);
        assertEquals(org.glassbox.inversion.InversionAttack.DLG, attack.getValue());
        assertEquals(3, restarts.getValue());
        assertEquals(2, batch.getValue());
        assertEquals(123L, seed.getValue());
        robot.interact(() -> page.applyExperiment(file.resolveSibling("no-such-experiment.json")));
        assertTrue(messages().contains("no such experiment file"), messages());
        assertEquals(org.glassbox.inversion.InversionAttack.DLG, attack.getValue(), "a bad file changes nothing");
        robot.interact(() -> {
            attack.setValue(org.glassbox.inversion.InversionAttack.IDLG);
            batch.getValueFactory().setValue(1);
        });
    }

    @Test
    void aModelFileIsAttackedOnlyIfItIsAnImageClassifierWithALoss() throws Exception {
        InversionPage page = (InversionPage) open(robot, "Gradient inversion");
        java.nio.file.Path models = org.glassbox.data.Assets.locate().sampleModels();
        robot.interact(() -> page.useModelFile(models.resolve("toy-spiral.zip")));
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> messages().contains("expected a classifier of 28×28×1 images into 10 classes"));
        robot.interact(() -> page.useModelFile(models.resolve("relu-cnn.zip")));
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup((Label l) -> l.getText().startsWith("Model file: relu-cnn.zip")).tryQuery().isPresent());
        assertTrue(messages().isEmpty(), messages());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.glassbox.models.CatalogEntry> model =
                robot.lookup("#inversionModel").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> model.setValue(model.getItems().get(0)));
        assertTrue(robot.lookup((Label l) -> l.getText().startsWith("Model file:")).tryQuery().isEmpty(),
                "choosing a bundled model again drops the file");
    }

    @Test
    void anImageFileOfAnotherSizeIsUsedOnlyIfThePersonAgreesToResizeIt() throws Exception {
        InversionPage page = (InversionPage) open(robot, "Gradient inversion");
        java.nio.file.Path photo = org.glassbox.data.Assets.locate().assets().resolve("photos").resolve("coffee.png");
        robot.interact(() -> page.useImageFile(photo, image -> false));
        assertTrue(messages().contains("it was not resized"), messages());
        assertTrue(!robot.lookup("#batchSize").query().isDisabled(), "declined: the test images stay");
        robot.interact(() -> page.useImageFile(photo, image -> true));
        assertTrue(robot.lookup("#batchSize").query().isDisabled(), "an image file is a batch of one");
        robot.interact(() -> robot.lookup("Use test images").queryButton().fire());
        assertTrue(!robot.lookup("#batchSize").query().isDisabled());
    }

    @Test
    void sideBySideShowsTheAttackWithAndWithoutTheDefense() throws Exception {
        WorkspacePage page = open(robot, "Gradient inversion");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.glassbox.inversion.DefenseKind> defense =
                robot.lookup("#defense").queryAs(javafx.scene.control.ComboBox.class);
        javafx.scene.control.CheckBox sideBySide = robot.lookup("#sideBySide").queryAs(javafx.scene.control.CheckBox.class);
        robot.interact(() -> {
            defense.setValue(org.glassbox.inversion.DefenseKind.GAUSSIAN);
            sideBySide.setSelected(true);
        });
        robot.interact(page::run);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> page.currentJob().get() != null
                && page.currentJob().get().completedIterations() >= 10);
        robot.interact(page::cancel);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> page.currentJob().get().state().isFinal());
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#inversionStatus").queryAs(Label.class).getText();
        assertTrue(status.contains("Without the defense: PSNR"), status);
        robot.interact(() -> {
            defense.setValue(org.glassbox.inversion.DefenseKind.NONE);
            sideBySide.setSelected(false);
        });
    }

    @Test
    void choosingAnAttackLoadsItsPapersPreset() {
        WorkspacePage page = open(robot, "Gradient inversion");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.glassbox.inversion.InversionAttack> attack =
                robot.lookup("#attack").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> attack.setValue(org.glassbox.inversion.InversionAttack.INVERTING_GRADIENTS));
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Double> tv = robot.lookup("#param-tvWeight").queryAs(javafx.scene.control.Spinner.class);
        assertEquals(org.glassbox.inversion.InversionAttack.INVERTING_GRADIENTS.defaults().tvWeight(), tv.getValue());
        robot.interact(() -> attack.setValue(org.glassbox.inversion.InversionAttack.DLG));
        assertEquals(0.0, tv.getValue());
    }

    @Test
    void theParameterSheetShowsSmallValuesAndGivesThemBackUnchanged() {
        ParameterSheet<InversionParameters>[] sheet = new ParameterSheet[1];
        robot.interact(() -> sheet[0] = new ParameterSheet<>(InversionParameters.class, InversionParameters.defaults(), 1));
        InversionParameters[] value = new InversionParameters[1];
        robot.interact(() -> value[0] = sheet[0].value());
        assertEquals(InversionParameters.defaults(), value[0]);
    }
}
