package org.glassbox.backdoor;

/** The classifier shapes the workspace trains: the bundled MLP's and the bundled small ReLU CNN's. */
public enum Classifier {
    /** 784-128-10, ReLU (the shape of {@code mlp-784-128-10}). */
    MLP,
    /** conv 3×3 8 → pool → conv 3×3 16 → pool → dense 64 → 10 (the shape of {@code relu-cnn}). */
    CNN
}
