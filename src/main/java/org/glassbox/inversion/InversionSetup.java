package org.glassbox.inversion;

import org.glassbox.experiment.Param;

/**
 * Everything that defines a gradient-inversion run besides the model, the data and the seed: what
 * an experiment file of this workspace holds as its parameters.
 *
 * @param image      the first private test image (when the data is the bundled test set)
 * @param fileLabel  the class of a private image read from a file (the client knows it; the attack does not)
 * @param resize     whether an image file of another size is scaled to the model's input
 * @param sideBySide whether the undefended gradient is attacked too, same seed, step for step (only with a defense)
 */
public record InversionSetup(
        @Param(label = "Attack", description = "DLG, IDLG or INVERTING_GRADIENTS.")
        InversionAttack attack,
        @Param(label = "Optimiser", description = "ADAM or LBFGS.")
        InversionOptimizer optimizer,
        @Param(label = "Private test image", description = "The first private image of the bundled test set.", min = 0, max = 1999)
        int image,
        @Param(label = "Batch size", description = "Private images sharing one gradient.", min = 1, max = Assignment.MAX_SIZE)
        int batch,
        @Param(label = "Label of the image file", description = "The class of a private image read from a file.", min = 0, max = 9,
                flags = "--label")
        int fileLabel,
        @Param(label = "Resize the image file", description = "Scale an image file of another size to the model's input.")
        boolean resize,
        @Param(label = "DLG's weights", description = "Redraw the weights U(−0.5, 0.5) from the seed (DLG's setting).")
        boolean dlgWeights,
        @Param(label = "Defense", description = "NONE, GAUSSIAN, LAPLACIAN, PRUNING, DP_SGD or AGGREGATION.")
        DefenseKind defense,
        @Param(label = "Defense strength", description = "σ, b, the fraction pruned, the noise multiplier or the extra images.",
                min = 0, max = 1e6)
        double strength,
        @Param(label = "Clip norm C", description = "DP-SGD's clip norm.", min = 1e-12, max = 1e6, flags = "--clip")
        double clipNorm,
        @Param(label = "Side by side", description = "Also attack the undefended gradient at the same seed, to see what the defense changes.",
                flags = "--side-by-side")
        boolean sideBySide,
        @Param(label = "Attack parameters", description = "Iterations, learning rate, HVP step, TV weight and restarts.")
        InversionParameters parameters) {

    public static InversionSetup defaults() {
        InversionAttack attack = InversionAttack.IDLG;
        return new InversionSetup(attack, attack.optimizer(), 0, 1, 0, false, true, DefenseKind.NONE, 0.01, 1.0, true, attack.defaults());
    }

    public Defense createDefense() throws org.glassbox.engine.UserFacingException {
        return defense.create(strength, clipNorm);
    }
}
