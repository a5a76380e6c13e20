package org.glassbox.memorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.glassbox.engine.UserFacingException;
import org.junit.jupiter.api.Test;

class ExposureTest {

    private static final double[] ONE_TO_SIXTEEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    @Test
    void sixteenCandidatesGiveFourBitsAtRankOneAndNoneAtTheBottom() {
        assertEquals(1, Exposure.rank(ONE_TO_SIXTEEN, 1));
        assertEquals(4.0, Exposure.exact(ONE_TO_SIXTEEN, 1), 1e-12, "log2 16 − log2 1");
        assertEquals(3.0, Exposure.exact(ONE_TO_SIXTEEN, 2), 1e-12, "log2 16 − log2 2");
        assertEquals(2.0, Exposure.exact(ONE_TO_SIXTEEN, 4), 1e-12, "log2 16 − log2 4");
        assertEquals(0.0, Exposure.exact(ONE_TO_SIXTEEN, 16), 1e-12, "log2 16 − log2 16");
    }

    @Test
    void owensTMatchesItsIntegralAndItsKnownValues() {
        // T(0, a) = atan(a) / 2π; T(h, 1) = Φ(h)(1 − Φ(h)) / 2
        assertEquals(Math.atan(0.7) / (2 * Math.PI), Exposure.SkewNormal.owensT(0, 0.7), 1e-12);
        org.apache.commons.math3.distribution.NormalDistribution n = new org.apache.commons.math3.distribution.NormalDistribution();
        double phi = n.cumulativeProbability(1.3);
        assertEquals(phi * (1 - phi) / 2, Exposure.SkewNormal.owensT(1.3, 1), 1e-12);
        double integral = new SimpsonIntegrator(1e-12, 1e-12, 3, 30).integrate(100_000,
                x -> Math.exp(-0.8 * 0.8 * (1 + x * x) / 2) / (1 + x * x), 0, 2.5) / (2 * Math.PI);
        assertEquals(integral, Exposure.SkewNormal.owensT(0.8, 2.5), 1e-9);
    }

    @Test
    void theSkewNormalFitRecoversASampleDrawnFromOne() {
        // draw from SN(ξ=3, ω=2, α=4) as ξ + ω(δ|U| + √(1−δ²) V), U, V standard normal
        Random random = new Random(5);
        double alpha = 4;
        double delta = alpha / Math.sqrt(1 + alpha * alpha);
        double[] x = new double[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 + 2 * (delta * Math.abs(random.nextGaussian()) + Math.sqrt(1 - delta * delta) * random.nextGaussian());
        }
        Exposure.SkewNormal fit = Exposure.SkewNormal.fit(x);
        assertEquals(3, fit.location(), 0.05);
        assertEquals(2, fit.scale(), 0.05);
        assertEquals(4, fit.shape(), 0.6);
        double below = java.util.Arrays.stream(x).filter(v -> v < 2.5).count() / (double) x.length;
        assertEquals(below, fit.cdf(2.5), 0.003, "the fitted CDF against the sample's share");
    }

    @Test
    void extrapolationAgreesWithEnumerationOnACandidateSetSmallEnoughToCount() {
        // 100,000 candidates whose log-perplexities are skew-normal, as a trained model's are roughly
        Random random = new Random(11);
        double[] all = new double[100_000];
        for (int i = 0; i < all.length; i++) {
            all[i] = 16 + 1.5 * (0.8 * Math.abs(random.nextGaussian()) + 0.6 * random.nextGaussian());
        }
        double[] sample = new double[2_000];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = all[random.nextInt(all.length)];
        }
        double[] sorted = all.clone();
        java.util.Arrays.sort(sorted);
        for (int rank : new int[] {10, 100, 1_000, 10_000}) {
            double secret = sorted[rank - 1];
            double exact = Exposure.exact(all, secret);
            double extrapolated = Exposure.extrapolated(sample, secret, all.length);
            assertEquals(exact, extrapolated, 1.0, "rank " + rank + ": within 1 bit");
        }
    }

    @Test
    void aFormatWithoutSlotsOrWithTooManyOrStartingWithDigitsIsRefusedWithTheReason() throws Exception {
        assertTrue(assertThrows(UserFacingException.class, () -> SecretFormat.parse("my number is"))
                .userMessage().problem().contains("no slot"));
        assertTrue(assertThrows(UserFacingException.class, () -> SecretFormat.parse("my number is " + "_ ".repeat(19)))
                .userMessage().problem().contains("10^19"));
        assertTrue(assertThrows(UserFacingException.class, () -> SecretFormat.parse("_ _ _ is it")).userMessage().problem()
                .contains("starts with its digits"));
        assertTrue(assertThrows(UserFacingException.class, () -> SecretFormat.parse("word ".repeat(65) + "_ _"))
                .userMessage().problem().contains("65 words before its slots"));
        assertTrue(assertThrows(UserFacingException.class, () -> SecretFormat.parse("a".repeat(1_000_000) + " _"))
                .userMessage().problem().contains("characters long"));
        SecretFormat f = SecretFormat.parse("my number is _ _ _");
        assertEquals(1000, f.candidates(), 0);
        assertEquals("my number is 0 4 2", f.text(42));
    }
}
