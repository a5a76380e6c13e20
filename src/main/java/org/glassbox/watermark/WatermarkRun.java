package org.glassbox.watermark;

import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.Parameters;

/** Experiment files of the watermark workspace: what the page saves and {@code glassbox run} replays. */
public final class WatermarkRun {

    public static final String WORKSPACE = "watermarks";

    private WatermarkRun() {
    }

    public static Experiment experiment(WatermarkSetup setup, long seed) {
        return new Experiment(Experiment.FORMAT, WORKSPACE, LanguageModelRecipe.ID, KjvCorpus.ID,
                ExperimentFiles.JSON.valueToTree(setup), seed);
    }

    /** The experiment's setup, validated: defaults for what is left out, a message naming what is wrong. */
    public static WatermarkSetup setup(Experiment e) throws UserFacingException {
        if (!WORKSPACE.equals(e.workspace())) {
            throw new UserFacingException("This experiment is for workspace '" + e.workspace() + "', not " + WORKSPACE + ".",
                    "Open it from its own workspace.");
        }
        if (!LanguageModelRecipe.ID.equals(e.model())) {
            throw new UserFacingException("The watermark workspace writes with the bundled " + LanguageModelRecipe.ID
                    + ", not '" + e.model() + "'.", "Set \"model\" to \"" + LanguageModelRecipe.ID + "\".");
        }
        WatermarkSetup setup = ExperimentFiles.parameters(e, WatermarkSetup.class, WatermarkSetup.defaults());
        Parameters.requireValid(setup.parameters());
        if (setup.prompt() == null || setup.scheme() == null) {
            throw new UserFacingException("The experiment has no prompt or no seeding scheme.",
                    "Give \"prompt\" and \"scheme\" (LEFT_HASH or SELF_HASH).");
        }
        return setup;
    }
}
