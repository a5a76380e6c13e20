package org.glassbox.workspace;

import java.util.function.Supplier;

/** The names and the setup record of a workspace, held once; a descriptor adds its example and {@code prepare}. */
public abstract class BaseWorkspace<S extends Record, T> implements Workspace<S, T> {

    private final String id;
    private final String title;
    private final String description;
    private final String command;
    private final Class<S> setupType;
    private final Supplier<S> defaults;

    protected BaseWorkspace(String id, String title, String description, String command, Class<S> setupType,
                            Supplier<S> defaults) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.command = command;
        this.setupType = setupType;
        this.defaults = defaults;
    }

    /**
     * For a workspace that trains its own model on one data set: refuses an experiment naming a
     * model file or other data, saying what this workspace cannot do with a model file.
     */
    protected final void requireTrainedHere(org.glassbox.experiment.Experiment experiment, String trainHere, String data,
                                            String modelFileRefusal) throws org.glassbox.engine.UserFacingException {
        if (!trainHere.equals(experiment.model())) {
            throw new org.glassbox.engine.UserFacingException("The " + title + " workspace trains its own model (model \"" + trainHere
                    + "\"); '" + experiment.model() + "' " + modelFileRefusal + ".", "Set \"model\" to " + trainHere + ".");
        }
        if (!data.equals(experiment.data())) {
            throw new org.glassbox.engine.UserFacingException("It trains on " + data + ", not '" + experiment.data() + "'.",
                    "Set \"data\" to " + data + ".");
        }
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String command() {
        return command;
    }

    @Override
    public final Class<S> setupType() {
        return setupType;
    }

    @Override
    public final S defaults() {
        return defaults.get();
    }
}
