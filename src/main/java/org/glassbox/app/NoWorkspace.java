package org.glassbox.app;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.glassbox.engine.Job;
import org.glassbox.ui.WorkspacePage;

/** Stands in while no workspace is selected: every action does nothing. */
final class NoWorkspace implements WorkspacePage {

    private final ReadOnlyObjectWrapper<Job<?>> job = new ReadOnlyObjectWrapper<>();

    @Override
    public String title() {
        return "No workspace";
    }

    @Override
    public String description() {
        return "";
    }

    @Override
    public Node view() {
        return new Label("Choose a workspace on the left.");
    }

    @Override
    public ReadOnlyObjectProperty<Job<?>> currentJob() {
        return job.getReadOnlyProperty();
    }

    @Override
    public void open() {
    }

    @Override
    public void openExperiment() {
    }

    @Override
    public void saveExperiment() {
    }

    @Override
    public void run() {
    }

    @Override
    public void pauseOrResume() {
    }

    @Override
    public void step() {
    }

    @Override
    public void cancel() {
    }
}
