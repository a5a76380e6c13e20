package org.glassbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.glassbox.inversion.InversionParameters;
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
        assertTrue(status.contains("Label read from the gradient (iDLG): Ankle boot · true label: Ankle boot"), status);
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
