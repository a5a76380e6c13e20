package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import org.glassbox.engine.Job;
import org.glassbox.engine.JobState;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.inversion.InversionSetup;
import org.glassbox.inversion.ui.InversionPage;
import org.glassbox.models.CatalogEntry;
import org.glassbox.modellab.ui.ModelLabPage;
import org.glassbox.regions.ui.RegionsPage;
import org.glassbox.ui.WorkspacePage;
import org.glassbox.ui.WorkspacePageBase;
import org.glassbox.workspaces.Workspaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The trust bugs a teacher hit in front of a class, each as the property that now holds: the
 * controls show what the run uses, Esc cancels wherever the focus is, one job runs at a time and
 * a running one stays visible, an experiment opens in its own workspace, a failed open leaves
 * the model on screen as it was.
 */
class TrustTest extends HeadlessAppTest {

    @TempDir
    Path dir;

    @AfterEach
    void cancelEverything() throws Exception {
        for (String title : new String[] {"Gradient inversion", "Linear regions", "Model lab"}) {
            WorkspacePage page = open(robot, title);
            robot.interact(page::cancel);
            Job<?> job = page.currentJob().get();
            if (job != null) {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> job.state().isFinal());
            }
        }
    }

    /** Gradient inversion with as many iterations as it takes, so that its job is still running when the test acts on it. */
    private WorkspacePage longInversion() {
        WorkspacePage page = open(robot, "Gradient inversion");
        Spinner<?> iterations = robot.lookup("#param-iterations").queryAs(Spinner.class);
        robot.interact(() -> {
            iterations.getEditor().setText("100000");
            iterations.commitValue();
        });
        return page;
    }

    private static String messagesOf(WorkspacePage page) {
        return ((WorkspacePageBase) page).messages().text();
    }

    @Test
    void escapeCancelsTheJobOnScreenWhileTheWorkspaceListHasTheFocus() throws Exception {
        WorkspacePage page = longInversion();
        robot.interact(page::run);
        Job<?> job = page.currentJob().get();
        assertNotNull(job, messagesOf(page));
        robot.interact(() -> robot.lookup("#navigation").query().requestFocus());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> job.state().isFinal());
        assertEquals(JobState.CANCELLED, job.state());
    }

    @Test
    void aJobRunningInAnotherWorkspaceStaysVisibleAndASecondOneDoesNotStartBesideIt() throws Exception {
        WorkspacePage inversion = longInversion();
        robot.interact(inversion::run);
        Job<?> running = inversion.currentJob().get();
        assertNotNull(running);
        WorkspacePage regions = open(robot, "Linear regions");
        Job<?> before = regions.currentJob().get();
        robot.interact(regions::run);
        assertSame(before, regions.currentJob().get(), "no second job started");
        assertTrue(messagesOf(regions).contains("Another job is still running (Gradient inversion:"), messagesOf(regions));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#statusJob").queryAs(Label.class).getText()
                .startsWith("Gradient inversion:"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#navigation").lookup(".list-cell").queryAllAs(ListCell.class)
                .stream().anyMatch(c -> "Gradient inversion  ●".equals(c.getText())));
        robot.interact(inversion::cancel);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> running.state().isFinal());
        robot.interact(regions::run);
        assertTrue(regions.currentJob().get() != before, "with the other job over, F5 starts one");
    }

    @Test
    void anExperimentOpenedFromAnotherWorkspaceOpensInItsOwn() throws Exception {
        Experiment example = Workspaces.byId("gradient-inversion").orElseThrow().example(5);
        Path file = dir.resolve("inversion.json");
        ExperimentFiles.write(example, file);
        open(robot, "Model lab");
        robot.interact(() -> app.window().openExperiment(file));
        WorkspacePage page = app.window().currentPage().get();
        assertTrue(page instanceof InversionPage, "now on " + page);
        assertEquals(ExperimentFiles.JSON.valueToTree(example), ExperimentFiles.JSON.valueToTree(((WorkspacePageBase) page).currentExperiment()));
    }

    @Test
    void openingAnExperimentShowsItsValueInAFieldWhoseTypedTextWasNeverTaken() throws Exception {
        InversionPage page = (InversionPage) open(robot, "Gradient inversion");
        Experiment example = Workspaces.byId("gradient-inversion").orElseThrow().example(5);
        double saved = ExperimentFiles.parameters(example, InversionSetup.class, InversionSetup.defaults()).strength();
        Path file = dir.resolve("inversion.json");
        ExperimentFiles.write(example, file);
        Spinner<?> strength = robot.lookup("#defenseStrength").queryAs(Spinner.class);
        robot.interact(() -> strength.getEditor().setText("0.5"));
        robot.interact(() -> page.applyExperiment(file));
        assertEquals(saved, ((Number) strength.getValue()).doubleValue());
        assertEquals(org.glassbox.ui.DoubleText.format(saved), strength.getEditor().getText(), "the field shows the value the run uses");
    }

    @Test
    void anOutOfRangeNumberIsRefusedWithAMessageAndTheFieldShowsTheValueInUse() throws Exception {
        WorkspacePage page = open(robot, "Gradient inversion");
        Spinner<?> iterations = robot.lookup("#param-iterations").queryAs(Spinner.class);
        Object inUse = iterations.getValue();
        robot.interact(() -> {
            iterations.getEditor().setText("999999");
            iterations.commitValue();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(inUse, iterations.getValue(), "not clamped to the maximum");
        assertEquals(inUse.toString(), iterations.getEditor().getText());
        assertTrue(messagesOf(page).contains("999999 is out of range") && messagesOf(page).contains("from 1 to"), messagesOf(page));
        robot.interact(() -> {
            iterations.getEditor().setText("-5");
            iterations.commitValue();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(inUse, iterations.getValue(), "not raised to the minimum");
    }

    @Test
    void aModelThatFailsToOpenLeavesTheModelOnScreenAsItWas() throws Exception {
        ModelLabPage page = (ModelLabPage) open(robot, "Model lab");
        @SuppressWarnings("unchecked")
        ComboBox<CatalogEntry> choice = robot.lookup("#modelChoice").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#modelTitle").queryAs(Label.class).getText().startsWith("Loading"));
        CatalogEntry shown = choice.getValue();
        String title = robot.lookup("#modelTitle").queryAs(Label.class).getText();
        assertNotNull(shown);
        Path broken = dir.resolve("broken.zip");
        Files.writeString(broken, "not a zip");
        robot.interact(() -> page.openModelFile(broken));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#modelTitle").queryAs(Label.class).getText().startsWith("Loading"));
        assertSame(shown, choice.getValue(), "the list still names the model on screen");
        assertEquals(title, robot.lookup("#modelTitle").queryAs(Label.class).getText());
        assertTrue(messagesOf(page).contains("broken.zip"), messagesOf(page));
    }

    @Test
    void trainingAfterShowingTheFashionMnistMapNeitherFailsNorKeepsTheOldLegend() throws Exception {
        RegionsPage page = (RegionsPage) open(robot, "Linear regions");
        @SuppressWarnings("unchecked")
        ComboBox<CatalogEntry> sample = robot.lookup("#regionSample").queryAs(ComboBox.class);
        CatalogEntry mlp = sample.getItems().stream().filter(e -> e.id().equals("mlp-784-128-10")).findFirst().orElseThrow();
        robot.interact(() -> sample.setValue(mlp));
        robot.interact(robot.lookup("Show map").queryAs(Button.class)::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> page.mapView().map() != null);
        assertEquals(1, layerChips(), "the 784-128-10 network has one hidden layer");
        robot.interact(page::run);
        Job<?> job = page.currentJob().get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> job.completedIterations() >= 2);
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", messagesOf(page), "no error while training runs fine");
        assertEquals(3, layerChips(), "the trained 2-16-16-16-2 network has three hidden layers");
        assertFalse(job.state() == JobState.FAILED);
    }

    @Test
    void aMessageAppearingDoesNotMoveTheMapUnderIt() throws Exception {
        RegionsPage page = (RegionsPage) open(robot, "Linear regions");
        WaitForAsyncUtils.waitForFxEvents();
        double before = page.mapView().localToScene(0, 0).getY();
        robot.interact(() -> page.messages().showProblem(new org.glassbox.engine.UserMessage("A problem of two lines, long enough"
                + " to wrap in the message area at this window size, so that it is tall.", "And a remedy below it.")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, page.mapView().localToScene(0, 0).getY(), 0.5, "the map stays where it was");
        robot.interact(() -> page.messages().clear());
    }

    private long layerChips() {
        return robot.lookup("#regionLegend").lookup(".legend-chip").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().startsWith("layer ")).count();
    }
}
