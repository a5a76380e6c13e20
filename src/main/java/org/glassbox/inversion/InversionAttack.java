package org.glassbox.inversion;

/**
 * The attacks on a shared gradient, each with the defaults of its paper (adapted to 28×28 images
 * where said). What the attacks differ in: the matching cost, where the label comes from, the
 * prior, the optimiser and whether the image is kept in [0, 1].
 */
public enum InversionAttack {
    /**
     * Deep Leakage from Gradients (Zhu, Liu and Han 2019): squared-L2 matching, the dummy image and
     * a dummy soft label softmax(u) learned jointly, L-BFGS at lr 1, 300 steps, no box (the
     * reference code's settings; the image starts uniform in [0, 1] and u from N(0, 1)).
     */
    DLG("DLG (L2, joint soft label)", false, true, false, InversionOptimizer.LBFGS,
            new InversionParameters(300, 1.0, GradientMatching.DEFAULT_STEP, 0, 1)),
    /**
     * iDLG (Zhao, Mopuri and Bilen 2020): the label read from the last layer's gradient
     * ({@link LabelRecovery}), then squared-L2 matching on the image alone with DLG's L-BFGS,
     * lr 1, 300 steps. (Adam at lr 0.05 also works here, in about twice the time to 30 dB.)
     */
    IDLG("iDLG (analytic label, L2)", false, false, false, InversionOptimizer.LBFGS,
            new InversionParameters(300, 1.0, GradientMatching.DEFAULT_STEP, 0, 1)),
    /**
     * Inverting Gradients (Geiping, Bauermeister, Dröge and Moeller 2020): cosine matching plus a
     * total-variation prior, Adam on the sign of the gradient, learning rate ×0.1 at 3/8, 5/8 and
     * 7/8 of the run, the image kept in [0, 1], and restarts scored by the matching loss. The
     * paper's CLI uses lr 0.1 and TV 1e-4; labels as iDLG.
     */
    INVERTING_GRADIENTS("Inverting Gradients (cosine + TV, box)", true, false, true, InversionOptimizer.ADAM,
            new InversionParameters(1000, 0.1, GradientMatching.DEFAULT_STEP, 1e-4, 1));

    private final String label;
    private final boolean cosine;
    private final boolean jointLabel;
    private final boolean boxed;
    private final InversionOptimizer optimizer;
    private final InversionParameters defaults;

    InversionAttack(String label, boolean cosine, boolean jointLabel, boolean boxed, InversionOptimizer optimizer,
                    InversionParameters defaults) {
        this.label = label;
        this.cosine = cosine;
        this.jointLabel = jointLabel;
        this.boxed = boxed;
        this.optimizer = optimizer;
        this.defaults = defaults;
    }

    /** The paper's preset. */
    public InversionParameters defaults() {
        return defaults;
    }

    /** The paper's optimiser. */
    public InversionOptimizer optimizer() {
        return optimizer;
    }

    /** Cosine matching (Inverting Gradients) rather than squared L2. */
    public boolean cosine() {
        return cosine;
    }

    /** The label is learned with the image (DLG) rather than read from the gradient first. */
    public boolean jointLabel() {
        return jointLabel;
    }

    /** The image is projected into [0, 1] after every step. */
    public boolean boxed() {
        return boxed;
    }

    /** Adam steps on the sign of the gradient, with the step-decay schedule (Inverting Gradients). */
    public boolean signedAdam() {
        return this == INVERTING_GRADIENTS;
    }

    @Override
    public String toString() {
        return label;
    }
}
