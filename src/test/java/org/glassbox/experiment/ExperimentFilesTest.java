package org.glassbox.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.glassbox.engine.UserFacingException;
import org.glassbox.modellab.EvaluationParameters;
import org.glassbox.modellab.EvaluationRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentFilesTest {

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path file = dir.resolve("e.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void anExperimentRoundTripsThroughItsFile() throws Exception {
        Experiment e = new Experiment(Experiment.FORMAT, EvaluationRun.WORKSPACE, "lenet-sigmoid", "fashion-mnist-test",
                ExperimentFiles.JSON.valueToTree(new EvaluationParameters(500, 50, 8)), 42);
        Path file = dir.resolve("sub/e.json");
        ExperimentFiles.write(e, file);
        Experiment back = ExperimentFiles.read(file);
        assertEquals(e, back);
        assertEquals(new EvaluationParameters(500, 50, 8), EvaluationRun.parameters(back));
    }

    @Test
    void parametersLeftOutTakeTheirDefaults() throws Exception {
        Experiment e = ExperimentFiles.read(write("""
                {"format":1,"workspace":"model-lab","model":"m","data":"d","parameters":{"images":300},"seed":1}"""));
        assertEquals(new EvaluationParameters(300, 100, 24), EvaluationRun.parameters(e));
    }

    @Test
    void anUnknownFieldIsNamedWithItsLine() throws Exception {
        UserFacingException ex = assertThrows(UserFacingException.class, () -> ExperimentFiles.read(write("""
                {"format":1,"workspace":"model-lab",
                 "modle":"m","data":"d","parameters":{},"seed":1}""")));
        String m = ex.userMessage().problem();
        assertTrue(m.contains("unknown field 'modle'") && m.contains("line 2"), m);
    }

    @Test
    void aMissingSeedIsReported() throws Exception {
        UserFacingException ex = assertThrows(UserFacingException.class, () -> ExperimentFiles.read(write("""
                {"format":1,"workspace":"model-lab","model":"m","data":"d","parameters":{}}""")));
        assertTrue(ex.userMessage().problem().contains("'seed'"), ex.userMessage().text());
    }

    @Test
    void brokenJsonIsReportedAsSuch() throws Exception {
        UserFacingException ex = assertThrows(UserFacingException.class, () -> ExperimentFiles.read(write("{\"format\":1,")));
        assertTrue(ex.userMessage().problem().contains("not valid JSON"), ex.userMessage().text());
    }

    @Test
    void anOutOfRangeParameterIsRefusedWithItsRange() throws Exception {
        Experiment e = ExperimentFiles.read(write("""
                {"format":1,"workspace":"model-lab","model":"m","data":"d","parameters":{"batchSize":0},"seed":1}"""));
        UserFacingException ex = assertThrows(UserFacingException.class, () -> EvaluationRun.parameters(e));
        assertEquals("Batch size must be between 1 and 4096; it is 0.", ex.userMessage().problem());
    }

    @Test
    void anUnknownParameterIsRefusedWithTheKnownOnes() throws Exception {
        Experiment e = ExperimentFiles.read(write("""
                {"format":1,"workspace":"model-lab","model":"m","data":"d","parameters":{"epochs":3},"seed":1}"""));
        UserFacingException ex = assertThrows(UserFacingException.class, () -> EvaluationRun.parameters(e));
        assertTrue(ex.userMessage().text().contains("'epochs'") && ex.userMessage().text().contains("images, batchSize, samples"),
                ex.userMessage().text());
    }
}
