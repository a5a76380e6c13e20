package org.glassbox.inversion;

import org.glassbox.engine.IterativeTask;

/**
 * The same attack, at the same seed, on the defended and on the undefended gradient, one step of
 * each per iteration: what the defense changes, and only that, side by side.
 */
public final class SideBySideTask implements IterativeTask<SideBySideTask.Pair> {

    /** Both reconstructions after the same number of steps. */
    public record Pair(InversionSnapshot defended, InversionSnapshot undefended) {
    }

    private final InversionTask defended;
    private final InversionTask undefended;

    public SideBySideTask(InversionTask defended, InversionTask undefended) {
        if (defended.iterations() != undefended.iterations()) {
            throw new IllegalArgumentException("both attacks must run the same number of iterations");
        }
        this.defended = defended;
        this.undefended = undefended;
    }

    @Override
    public int iterations() {
        return defended.iterations();
    }

    @Override
    public Pair step(int index) {
        return new Pair(defended.step(index), undefended.step(index));
    }
}
