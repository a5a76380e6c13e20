package org.glassbox.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.glassbox.data.Assets;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Experiment;
import org.glassbox.workspace.HeadlessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyWorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void aRunReportsTheAccountantsEpsilonForItsStepsAndWritesItsCurves() throws Exception {
        PrivacyWorkspace workspace = new PrivacyWorkspace();
        PrivacySetup setup = new PrivacySetup(300, 16, 24, 0.1, 1.2, 1.0, 0.5, 1e-5, 8);
        Experiment experiment = PrivacyWorkspace.experiment(setup, 2);
        HeadlessRunner.Outcome<PrivacySnapshot> outcome = HeadlessRunner.run(workspace, experiment, dir, dir.resolve("out"),
                Assets.locate(), line -> { });
        PrivacySnapshot last = outcome.last();
        assertEquals(24, last.step());
        assertEquals(3, last.steps().length, "a point per frame of 8 steps");
        double[] orders = RdpAccountant.DEFAULT_ORDERS;
        assertEquals(RdpAccountant.epsilon(orders, RdpAccountant.compose(0.1, 1.2, 24, orders), 1e-5).epsilon(), last.epsilon(), 0);
        for (int i = 1; i < last.epsilons().length; i++) {
            assertTrue(last.epsilons()[i] > last.epsilons()[i - 1], "ε grows with every frame");
        }
        assertEquals(4, Files.readAllLines(dir.resolve("out/curves.csv")).size());
        assertTrue(Files.readString(dir.resolve("out/run.json")).contains("\"epsilon\""));
        HeadlessRunner.Outcome<PrivacySnapshot> again = HeadlessRunner.run(workspace, experiment, dir, null, Assets.locate(), line -> { });
        assertEquals(last.privateAccuracy(), again.last().privateAccuracy(), 0, "same seed, same run");
    }

    @Test
    void aModelFileIsRefusedWithTheReason() {
        Experiment e = new Experiment(Experiment.FORMAT, PrivacyWorkspace.WORKSPACE, "lenet-sigmoid", "fashion-mnist-train",
                org.glassbox.experiment.ExperimentFiles.JSON.valueToTree(PrivacySetup.defaults()), 1);
        UserFacingException refused = assertThrows(UserFacingException.class, () -> new PrivacyWorkspace().setup(e));
        assertTrue(refused.userMessage().problem().contains("trains its own model"), refused.userMessage().problem());
    }
}
