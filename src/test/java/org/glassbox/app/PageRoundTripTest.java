package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.glassbox.data.Assets;
import org.glassbox.engine.JobExecutors;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.ui.PageContext;
import org.glassbox.ui.WorkspacePage;
import org.glassbox.ui.WorkspacePageBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * For every page in the registry: the workspace's example experiment, opened in the page
 * (Ctrl+Shift+O), comes back unchanged as the page's current experiment (what Ctrl+S saves).
 */
class PageRoundTripTest {

    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dir;

    @Test
    void everyPageOpensItsWorkspacesExampleAndSavesTheSameExperiment() throws Exception {
        FxToolkit.registerPrimaryStage();
        StringBuilder wrong = new StringBuilder();
        for (WorkspaceRegistry.Entry entry : WorkspaceRegistry.entries()) {
            Experiment example = entry.workspace().example(11);
            Path file = dir.resolve(entry.workspace().id() + ".json");
            ExperimentFiles.write(example, file);
            String[] saved = new String[2];
            robot.interact(() -> {
                try {
                    WorkspacePage page = entry.page().create(new PageContext(Assets.locate(), JobExecutors.callingThread()));
                    page.applyExperiment(file);
                    WorkspacePageBase base = (WorkspacePageBase) page;
                    saved[0] = ExperimentFiles.JSON.valueToTree(base.currentExperiment()).toString();
                    saved[1] = base.messages().text();
                } catch (Exception e) {
                    saved[0] = "failed: " + e;
                }
            });
            String expected = ExperimentFiles.JSON.valueToTree(example).toString();
            if (!expected.equals(saved[0])) {
                wrong.append("\n").append(entry.workspace().title()).append(": opened ").append(expected)
                        .append("\n  saved ").append(saved[0]).append("\n  message: ").append(saved[1]);
            }
            assertTrue(saved[1] == null || !saved[1].contains("could not"), saved[1]);
        }
        assertEquals("", wrong.toString(), "pages whose saved experiment differs from the one opened");
    }
}
