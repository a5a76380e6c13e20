package org.glassbox.regions;

/** How regions are filled. */
public enum Coloring {
    PATTERN("Activation pattern"), SLOPE("Steepness (norm of the local slope)"), CLASS("Predicted class and confidence");

    private final String label;

    Coloring(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
