package org.glassbox.backdoor;

/** What a trigger stamps: a patch of a fixed pattern (BadNets, Gu et al. 2017) or a noise image blended over the whole input (Chen et al. 2017). */
public enum TriggerPattern {
    /** A black-and-white checkerboard patch. */
    CHECKERBOARD("Checkerboard"),
    /** A white square. */
    WHITE_SQUARE("White square"),
    /** A patch of seeded random black and white pixels. */
    RANDOM_PATCH("Random patch"),
    /** Seeded uniform noise over the whole image, blended in at the trigger's opacity (size and position unused). */
    BLENDED_NOISE("Blended noise");

    private final String label;

    TriggerPattern(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    public boolean isPatch() {
        return this != BLENDED_NOISE;
    }
}
