package org.glassbox.extraction;

import java.io.IOException;
import java.nio.file.Path;
import org.glassbox.data.Assets;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.Parameters;

/**
 * The Reverse engineering experiment: its network is a catalog id, a model file, or
 * {@code random:10,20,20,1} (a seeded random ReLU network of those widths); its data is the black box.
 */
public final class ExtractionRun {

    public static final String WORKSPACE = "reverse-engineering";
    public static final String DATA = "black-box";
    private static final String RANDOM = "random:";

    private ExtractionRun() {
    }

    public static String randomReference(String widths) {
        return RANDOM + widths.replace(" ", "");
    }

    public static Experiment experiment(String network, ExtractionSetup setup, long seed) {
        return new Experiment(Experiment.FORMAT, WORKSPACE, network, DATA, ExperimentFiles.JSON.valueToTree(setup), seed);
    }

    /** The experiment's setup, validated: defaults for what is left out, a message naming what is wrong. */
    public static ExtractionSetup setup(Experiment e) throws UserFacingException {
        ExtractionSetup setup = ExperimentFiles.parameters(e, ExtractionSetup.class, ExtractionSetup.defaults());
        Parameters.requireValid(setup.parameters());
        precision(setup);
        return setup;
    }

    public static OutputPrecision precision(ExtractionSetup setup) throws UserFacingException {
        try {
            return OutputPrecision.parse(setup.precision());
        } catch (IllegalArgumentException ex) {
            throw new UserFacingException(ex.getMessage() + ".", "Use float64, float32 or decimals:3, for example.");
        }
    }

    /** The network behind the box. */
    public static ExtractionTarget target(Assets assets, Experiment e, Path base) throws UserFacingException, IOException {
        if (!WORKSPACE.equals(e.workspace())) {
            throw new UserFacingException("This experiment is for workspace '" + e.workspace() + "', not " + WORKSPACE + ".",
                    "Open it from its own workspace.");
        }
        return e.model().startsWith(RANDOM) ? ExtractionTarget.random(e.model().substring(RANDOM.length()), e.seed())
                : ExtractionTarget.model(assets, e.model(), base, e.seed());
    }
}
