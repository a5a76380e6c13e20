package org.glassbox.models;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of the training loss for one batch: with respect to the flat parameter vector
 * (same order as {@link ModelHandle#parameters()}) and with respect to the input (same shape as
 * the input given).
 */
public record Gradients(INDArray parameters, INDArray input) {
}
