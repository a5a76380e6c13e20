package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.glassbox.data.Assets;
import org.glassbox.engine.JobExecutors;
import org.glassbox.engine.JobState;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.membership.MembershipTask;
import org.glassbox.membership.MembershipWorkspace;
import org.glassbox.membership.ui.MembershipPage;
import org.glassbox.ui.PageContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A small audit (4 shadow models) runs to its end in the page: the ROC is drawn, the table filled, the exposed members shown. */
class MembershipUiTest {

    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dir;

    @Test
    void aSmallAuditRunsToItsEndAndFillsTheRocTheTableAndTheExposedMembers() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path file = dir.resolve("audit.json");
        ExperimentFiles.write(new MembershipWorkspace().example(2), file);
        MembershipPage[] page = new MembershipPage[1];
        robot.interact(() -> {
            page[0] = new MembershipPage(new PageContext(Assets.locate(), JobExecutors.callingThread()));
            Stage stage = new Stage();
            stage.setScene(new Scene((javafx.scene.Parent) page[0].view(), 1200, 800));
            stage.show();
            page[0].applyExperiment(file);
            page[0].run();
        });
        assertEquals(JobState.SUCCEEDED, page[0].currentJob().get().state(), "the audit ended within run()");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> page[0].rows().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(page[0].rocDrawn(), "the ROC is drawn");
        assertTrue(page[0].rows().stream().anyMatch(r -> r.name().equals(MembershipTask.LIRA_ONLINE)), "LiRA is in the table");
        assertEquals(12, page[0].exposedShown(), "the 12 most exposed members are shown");
        assertTrue(page[0].status().contains("4 of 4 shadow models"), page[0].status());
        Path out = dir.resolve("results");
        robot.interact(() -> page[0].saveResults(out));
        assertTrue(Files.exists(out.resolve("run.json")) && Files.exists(out.resolve("roc.png")), "Save results writes the files");
        robot.interact(() -> page[0].view().getScene().getWindow().hide());
    }
}
