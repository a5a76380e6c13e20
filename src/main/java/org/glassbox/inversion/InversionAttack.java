package org.glassbox.inversion;

/** The attacks on a shared gradient, each with the defaults of its paper (adapted to 28×28 images). */
public enum InversionAttack {
    /**
     * Deep Leakage from Gradients (Zhu, Liu and Han 2019) with iDLG's label (Zhao et al. 2020):
     * squared-L2 matching, plain Adam on the image (DLG itself uses L-BFGS and learns the label too).
     */
    DLG("DLG + iDLG label (L2, Adam)", new InversionParameters(1000, 0.05, GradientMatching.DEFAULT_STEP, 0)),
    /**
     * Inverting Gradients (Geiping, Bauermeister, Dröge and Moeller 2020): cosine matching plus a
     * total-variation prior, Adam on the sign of the gradient, learning rate ×0.1 at 3/8, 5/8 and
     * 7/8 of the run, and the image kept in [0, 1]. The paper's CLI uses lr 0.1 and TV 1e-4.
     */
    INVERTING_GRADIENTS("Inverting Gradients (cosine + TV, signed Adam)",
            new InversionParameters(1000, 0.1, GradientMatching.DEFAULT_STEP, 1e-4));

    private final String label;
    private final InversionParameters defaults;

    InversionAttack(String label, InversionParameters defaults) {
        this.label = label;
        this.defaults = defaults;
    }

    /** The paper's preset. */
    public InversionParameters defaults() {
        return defaults;
    }

    @Override
    public String toString() {
        return label;
    }
}
