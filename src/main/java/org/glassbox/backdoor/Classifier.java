package org.glassbox.backdoor;

/** The classifier shapes the workspace trains: the bundled MLP's and the bundled small ReLU CNN's. */
public enum Classifier {
    /** 784-128-10, ReLU (the shape of {@code mlp-784-128-10}). */
    MLP("MLP 784-128-10"),
    /** conv 3×3 8 → pool → conv 3×3 16 → pool → dense 64 → 10 (the shape of {@code relu-cnn}). */
    CNN("Small ReLU CNN");

    private final String label;

    Classifier(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
