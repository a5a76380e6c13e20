package org.glassbox.inversion;

/** How the attack moves its dummy: the optimisers of the papers. */
public enum InversionOptimizer {
    /** Adam (Kingma and Ba 2015: β1 = 0.9, β2 = 0.999, ε = 1e-8); signed and decayed for Inverting Gradients. */
    ADAM("Adam"),
    /** L-BFGS with memory 100, as DLG's reference code calls it, plus a backtracking line search ({@link Lbfgs}). */
    LBFGS("L-BFGS");

    /** L-BFGS's memory: PyTorch's default history size, which DLG keeps. */
    public static final int LBFGS_MEMORY = 100;

    private final String label;

    InversionOptimizer(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
