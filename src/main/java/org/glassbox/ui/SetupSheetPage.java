package org.glassbox.ui;

import java.nio.file.Path;
import org.glassbox.engine.Seeds;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.workspace.Workspace;

/**
 * A page whose controls are the parameter sheet of its workspace's setup record and a seed: the
 * experiment on screen is the sheet's setup with the model and data of the workspace's example
 * (the workspaces that train their own model), and an experiment opened fills the sheet back.
 *
 * @param <S> the workspace's setup record
 */
public abstract class SetupSheetPage<S extends Record> extends WorkspacePageBase {

    protected final ParameterSheet<S> sheet;
    private final Workspace<S, ?> descriptor;

    protected SetupSheetPage(PageContext context, Workspace<S, ?> workspace) {
        super(context, workspace);
        this.descriptor = workspace;
        this.sheet = new ParameterSheet<>(workspace.setupType(), workspace.defaults(), Seeds.DEFAULT);
    }

    @Override
    public Experiment currentExperiment() {
        Experiment example = descriptor.example(sheet.seed());
        return new Experiment(Experiment.FORMAT, descriptor.id(), example.model(), example.data(),
                ExperimentFiles.JSON.valueToTree(sheet.value()), sheet.seed());
    }

    @Override
    protected void show(Experiment experiment, Path base) throws Exception {
        sheet.setValue(descriptor.setup(experiment));
        sheet.setSeed(experiment.seed());
    }

    /** The setup an experiment holds, validated by the workspace (its own ranges and checks). */
    protected final S setupOf(Experiment experiment) throws Exception {
        return descriptor.setup(experiment);
    }
}
