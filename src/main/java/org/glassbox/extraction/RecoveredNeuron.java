package org.glassbox.extraction;

/** A first-layer neuron the attack recovered, up to sign: its hyperplane and how many critical points showed it. */
public record RecoveredNeuron(Hyperplane plane, int witnesses) {
}
