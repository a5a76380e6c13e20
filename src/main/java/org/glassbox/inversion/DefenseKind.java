package org.glassbox.inversion;

import org.glassbox.engine.UserFacingException;

/** The defenses a person can pick, and how one strength (and a clip norm) makes each. */
public enum DefenseKind {
    NONE("No defense", ""),
    GAUSSIAN("Gaussian noise", "σ"),
    LAPLACIAN("Laplacian noise", "b"),
    PRUNING("Magnitude pruning", "fraction zeroed"),
    DP_SGD("DP-SGD step (clip + noise)", "noise multiplier"),
    AGGREGATION("Aggregation over a larger batch", "extra images");

    private final String label;
    private final String strengthName;

    DefenseKind(String label, String strengthName) {
        this.label = label;
        this.strengthName = strengthName;
    }

    public String strengthName() {
        return strengthName;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The defense with this strength (and clip norm, for DP-SGD); a bad value gets a message naming it. */
    public Defense create(double strength, double clipNorm) throws UserFacingException {
        try {
            return switch (this) {
                case NONE -> new Defense.None();
                case GAUSSIAN -> new Defense.GaussianNoise(strength);
                case LAPLACIAN -> new Defense.LaplacianNoise(strength);
                case PRUNING -> new Defense.Pruning(strength);
                case DP_SGD -> new Defense.DpSgd(clipNorm, strength);
                case AGGREGATION -> {
                    if (strength != Math.rint(strength)) {
                        throw new IllegalArgumentException("the number of extra images must be whole, was " + strength);
                    }
                    yield new Defense.Aggregation((int) strength);
                }
            };
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(label + ": " + e.getMessage() + ".", "Change the defense's strength.");
        }
    }
}
