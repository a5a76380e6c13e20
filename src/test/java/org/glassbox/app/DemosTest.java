package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.glassbox.data.Assets;
import org.glassbox.engine.Job;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.ui.WorkspacePage;
import org.glassbox.ui.WorkspacePageBase;
import org.glassbox.workspace.Demo;
import org.glassbox.workspace.Workspace;
import org.glassbox.workspaces.Workspaces;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every workspace offers demos whose experiments its descriptor accepts and resolves; Ctrl+1
 * runs the first one with its line on what it shows; Reset to defaults gives the page back as it
 * started.
 */
class DemosTest extends HeadlessAppTest {

    @Test
    void everyWorkspaceHasDemosThatItsDescriptorAcceptsAndResolves() throws Exception {
        Assets assets = Assets.locate();
        for (Workspace<?, ?> workspace : Workspaces.all()) {
            assertFalse(workspace.demos().isEmpty(), workspace.title() + " has no demo");
            for (Demo demo : workspace.demos()) {
                assertEquals(workspace.id(), demo.experiment().workspace(), demo.name());
                workspace.setup(demo.experiment());
                workspace.prepare(demo.experiment(), Path.of(""), assets);
            }
        }
    }

    @Test
    void controlOneRunsTheFirstDemoAndSaysWhatItShows() throws Exception {
        WorkspacePage page = open(robot, "Gradient inversion");
        Demo first = page.demos().get(0);
        Runnable shortcut = app.window().getScene().getAccelerators().get(AppAction.DEMO_1.keys());
        assertNotNull(shortcut, "Ctrl+1 is a shortcut of the window");
        robot.interact(shortcut);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> page.currentJob().get() != null);
        Job<?> job = page.currentJob().get();
        String shown = ((WorkspacePageBase) page).messages().text();
        assertTrue(shown.startsWith(first.name() + ": " + first.shows()), shown);
        assertEquals(ExperimentFiles.JSON.valueToTree(first.experiment()),
                ExperimentFiles.JSON.valueToTree(((WorkspacePageBase) page).currentExperiment()), "the controls hold the demo");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !((WorkspacePageBase) page).narration().isEmpty());
        assertTrue(((WorkspacePageBase) page).narration().contains("gradient"), ((WorkspacePageBase) page).narration());
        javafx.scene.control.Label formula = (javafx.scene.control.Label) robot.lookup("#formula").match(javafx.scene.Node::isVisible)
                .query();
        assertTrue(formula.getText().contains("PSNR"), "the page shows what it computes: " + formula.getText());
        robot.interact(page::cancel);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> job.state().isFinal());
    }

    @Test
    void resetToDefaultsGivesThePageBackAsItStarted() throws Exception {
        WorkspacePage page = open(robot, "Gradient inversion");
        Demo noise = page.demos().get(2);
        robot.interact(() -> ((WorkspacePageBase) page).applyExperiment(noise.experiment(), Path.of("")));
        robot.interact(() -> app.window().resetCurrent());
        WorkspacePage fresh = app.window().currentPage().get();
        assertNotSame(page, fresh);
        WorkspacePageBase base = (WorkspacePageBase) fresh;
        var expected = Workspaces.byId("gradient-inversion").orElseThrow().defaults();
        assertEquals(ExperimentFiles.JSON.valueToTree(expected), base.currentExperiment().parameters());
    }
}
