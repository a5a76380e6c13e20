package org.glassbox.models;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of the training loss summed over one batch, {@code ∇ Σ_i ℓ(x_i, y_i)}: with respect to
 * the flat parameter vector (same order as {@link ModelHandle#parameters()}) and with respect to
 * the input (same shape as the input given). DL4J's backpropagation returns the sum; its updater
 * divides by the batch size. {@link ModelHandle#loss} is the mean, so these are n times its gradient.
 */
public record Gradients(INDArray parameters, INDArray input) {
}
