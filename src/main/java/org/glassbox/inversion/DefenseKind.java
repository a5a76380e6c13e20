package org.glassbox.inversion;

import org.glassbox.engine.UserFacingException;

/** The defenses a person can pick, and how one strength (and a clip norm) makes each. */
public enum DefenseKind {
    NONE("No defense", "", 0),
    GAUSSIAN("Gaussian noise", "σ", 0.1),
    LAPLACIAN("Laplacian noise", "b", 0.01),
    PRUNING("Magnitude pruning", "fraction zeroed", 0.5),
    DP_SGD("DP-SGD step (clip + noise)", "noise multiplier", 0.01),
    AGGREGATION("Aggregation over a larger batch", "extra images", 3);

    private final String label;
    private final String strengthName;
    private final double defaultStrength;

    DefenseKind(String label, String strengthName, double defaultStrength) {
        this.label = label;
        this.strengthName = strengthName;
        this.defaultStrength = defaultStrength;
    }

    /** A strength at which the defense visibly acts on the DLG LeNet setting. */
    public double defaultStrength() {
        return defaultStrength;
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
