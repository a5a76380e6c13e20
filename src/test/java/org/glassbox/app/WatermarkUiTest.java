package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.glassbox.ui.WorkspacePage;
import org.glassbox.watermark.ui.WatermarkPage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The Watermarks workspace, headless: generation is detected, typed human text is not, and attacks change the text. */
class WatermarkUiTest extends HeadlessAppTest {

    private WorkspacePage shownPage;

    /** A node of this test's own page, not of a page another test left open. */
    private <T> T find(String selector, Class<T> type) {
        return type.cast(shownPage.view().lookup(selector));
    }

    @Test
    void generatedTextIsColouredAndDetectedWhileTypedTextIsRescoredAtOnce() throws Exception {
        WorkspacePage page = open(robot, "Watermarks");
        shownPage = page;
        WatermarkPage watermarks = (WatermarkPage) page;
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, watermarks::modelLoaded);
        @SuppressWarnings("unchecked")
        Spinner<Integer> pause = find("#param-pauseMillis", Spinner.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> tokens = find("#param-tokens", Spinner.class);
        robot.interact(() -> {
            pause.getValueFactory().setValue(0);
            tokens.getValueFactory().setValue(120);
        });
        robot.interact(page::run);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> page.currentJob().get() != null
                && page.currentJob().get().state().isFinal());
        WaitForAsyncUtils.waitForFxEvents();
        StyleClassedTextArea editor = find("#watermarkEditor", StyleClassedTextArea.class);
        String verdict = find("#watermarkVerdict", Label.class).getText();
        assertTrue(verdict.endsWith("watermarked"), verdict);
        assertEquals(120, watermarks.scored().ids().length, "the editor holds the 120 generated words");
        assertTrue(editor.getStyleOfChar(editor.getLength() - 1).stream().anyMatch(s -> s.startsWith("wm-")),
                "the last word is coloured");

        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("watermark-results");
        robot.interact(() -> watermarks.saveResults(out));
        for (String file : new String[] {"text.txt", "tokens.csv", "z-curve.csv", "detection.json"}) {
            assertTrue(java.nio.file.Files.size(out.resolve(file)) > 0, file + " is written");
        }

        String generated = editor.getText();
        Slider substitution = find("#substitutionSlider", Slider.class);
        robot.interact(() -> substitution.setValue(0.5));
        assertTrue(!editor.getText().equals(generated), "the attack changes the text");
        robot.interact(() -> substitution.setValue(0));
        assertEquals(generated, editor.getText(), "with every attack at 0 the original text is back");

        robot.interact(() -> editor.replaceText("For God so loved the world, that he gave his only begotten Son, that whosoever"
                + " believeth in him should not perish, but have everlasting life."));
        WaitForAsyncUtils.waitForFxEvents();
        verdict = find("#watermarkVerdict", Label.class).getText();
        assertTrue(verdict.endsWith("no watermark found"), verdict);
        assertTrue(watermarks.lastScoreMillis() < 1000, "scored in " + watermarks.lastScoreMillis() + " ms");
    }

    @Test
    void theEvaluationFillsItsTableAndWritesTheRoc() throws Exception {
        WorkspacePage page = open(robot, "Watermarks");
        shownPage = page;
        WatermarkPage watermarks = (WatermarkPage) page;
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, watermarks::modelLoaded);
        @SuppressWarnings("unchecked")
        Spinner<Integer> generations = find("#evaluationGenerations", Spinner.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> human = find("#evaluationHuman", Spinner.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> tokens = find("#param-tokens", Spinner.class);
        robot.interact(() -> {
            generations.getValueFactory().setValue(3);
            human.getValueFactory().setValue(100);
            tokens.getValueFactory().setValue(60);
        });
        robot.interact(() -> find("#runEvaluation", javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> page.currentJob().get() != null
                && page.currentJob().get().state().isFinal());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = find("#evaluationTable", javafx.scene.control.TableView.class);
        assertEquals(6, table.getItems().size(), "one row per condition");
        String status = find("#evaluationStatus", Label.class).getText();
        assertTrue(status.startsWith("3 of 3 generations"), status);
        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("watermark-evaluation");
        robot.interact(() -> watermarks.saveEvaluation(out));
        for (String file : new String[] {"evaluation.csv", "roc.png", "report.html"}) {
            assertTrue(java.nio.file.Files.size(out.resolve(file)) > 0, file + " is written");
        }
    }

    @Test
    void theImageTabDecodesEveryBitUntilJpegSubsamplesTheColour() throws Exception {
        WorkspacePage page = open(robot, "Watermarks");
        shownPage = page;
        WatermarkPage watermarks = (WatermarkPage) page;
        javafx.scene.control.TabPane tabs = find(".tab-pane", javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> watermarks.imageBitAccuracy() == 1.0);
        Slider jpeg = find("#jpegSlider", Slider.class);
        robot.interact(() -> jpeg.setValue(50));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> watermarks.imageBitAccuracy() < 0.8);
        javafx.scene.control.CheckBox fullColour = find("#fullColour", javafx.scene.control.CheckBox.class);
        robot.interact(() -> fullColour.setSelected(true));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> watermarks.imageBitAccuracy() == 1.0);
        WaitForAsyncUtils.waitForFxEvents();
        String status = find("#imageStatus", Label.class).getText();
        assertTrue(status.startsWith("Bit accuracy 100.0 %"), status);
    }

    @Test
    void anExperimentFileLoadsItsPromptSettingsAndSeed() throws Exception {
        WatermarkPage watermarks = (WatermarkPage) open(robot, "Watermarks");
        shownPage = watermarks;
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("watermark-experiment").resolve("e.json");
        org.glassbox.experiment.ExperimentFiles.write(org.glassbox.watermark.WatermarkRun.experiment(
                new org.glassbox.watermark.WatermarkSetup("Blessed are the meek", org.glassbox.watermark.GenerationParameters.defaults()
                        .withTokens(33), org.glassbox.watermark.SeedingScheme.SELF_HASH, true, 5, false), 21), file);
        robot.interact(() -> watermarks.applyExperiment(file));
        assertEquals("Blessed are the meek", find("#watermarkPrompt", javafx.scene.control.TextArea.class).getText());
        assertEquals(org.glassbox.watermark.SeedingScheme.SELF_HASH,
                find("#seedingScheme", javafx.scene.control.ComboBox.class).getValue());
        assertEquals(33, find("#param-tokens", Spinner.class).getValue());
        assertEquals(21L, find("#param-seed", Spinner.class).getValue());
        assertEquals(5.0, find("#zThreshold", Spinner.class).getValue());
    }
}
