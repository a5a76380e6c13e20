package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.glassbox.data.Assets;
import org.glassbox.engine.Job;
import org.glassbox.engine.JobExecutors;
import org.glassbox.engine.JobState;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.regions.RegionsWorkspace;
import org.glassbox.regions.ui.RegionsPage;
import org.glassbox.ui.PageContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** A page given the calling thread as its executor runs its work before the call returns: a test needs no polling. */
class PageExecutorTest {

    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dir;

    @Test
    void aPageOnTheCallingThreadOpensALinearRegionsExperimentAndRunsItToItsEndWithinTheCall() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path file = dir.resolve("spiral.experiment.json");
        ExperimentFiles.write(new RegionsWorkspace().example(3), file);
        RegionsPage[] page = new RegionsPage[1];
        robot.interact(() -> {
            try {
                page[0] = new RegionsPage(new PageContext(Assets.locate(), JobExecutors.callingThread()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            page[0].applyExperiment(file);
            page[0].run();
        });
        Job<?> job = page[0].currentJob().get();
        assertEquals(JobState.SUCCEEDED, job.state(), "the job ended inside run(): " + job.state());
        assertEquals(1.0, job.progress(), "every step of the experiment ran");
        assertTrue(page[0].jobs().controls().frames().size() >= 1);
    }
}
