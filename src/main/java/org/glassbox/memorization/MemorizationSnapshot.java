package org.glassbox.memorization;

import java.util.List;

/**
 * The run after a frame: each secret's exposure against the steps, by exact enumeration (NaN
 * when the format has too many candidates) and by the skew-normal extrapolation, its rank now,
 * the held-out perplexity, and whether the text of the steps just taken held the secrets; after
 * the last frame, the extraction attack's samples (null before, or when it is off).
 */
public record MemorizationSnapshot(int step, int totalSteps, List<Canary> canaries, double[] steps, double[][] exactExposure,
                                   double[][] extrapolatedExposure, long[] ranks, double[] perplexity, boolean secretsInText,
                                   double candidates, ExtractionAttack.Result extraction) {

    public double exposureNow(int canary) {
        double[] curve = exactExposure[canary];
        double exact = curve.length == 0 ? Double.NaN : curve[curve.length - 1];
        if (!Double.isNaN(exact)) {
            return exact;
        }
        double[] extrapolated = extrapolatedExposure[canary];
        return extrapolated.length == 0 ? Double.NaN : extrapolated[extrapolated.length - 1];
    }

    public double perplexityNow() {
        return perplexity.length == 0 ? Double.NaN : perplexity[perplexity.length - 1];
    }
}
